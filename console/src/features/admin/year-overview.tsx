import { Card, Flex, Tag, Typography } from 'antd';
import { dayjs } from '../../lib/dates';
import { ADMIN_TEXT } from './texts';

const T = ADMIN_TEXT.calendar;
const COLORS = { HOLIDAY: '#ffccc7', WORKDAY: '#bae0ff', WEEKEND: '#f0f0f0' };

/** Twelve small months: holidays, make-up working days and weekends at a glance (the table beside it is the editor). */
export function YearOverview({ year, days }: { year: number; days: { date: string; kind: string; name: string }[] }) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  return (
    <Card title={T.overview} size="small">
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <Tag color="red">{T.legend.holiday}</Tag>
        <Tag color="blue">{T.legend.workday}</Tag>
        <Tag>{T.legend.weekend}</Tag>
      </Flex>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: 12 }}>
        {Array.from({ length: 12 }, (_, m) => {
          const first = dayjs(`${year}-${String(m + 1).padStart(2, '0')}-01`);
          const lead = (first.day() + 6) % 7;
          return (
            <div key={m}>
              <Typography.Text strong>{T.month(m + 1)}</Typography.Text>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 11, textAlign: 'center' }}>
                {T.weekdays.map((w) => (
                  <span key={w} style={{ color: '#8c8c8c' }}>{w}</span>
                ))}
                {Array.from({ length: lead }, (_, i) => (
                  <span key={`lead-${i}`} />
                ))}
                {Array.from({ length: first.daysInMonth() }, (_, d) => {
                  const date = first.add(d, 'day');
                  const iso = date.format('YYYY-MM-DD');
                  const entry = byDate.get(iso);
                  const weekend = date.day() === 0 || date.day() === 6;
                  const background = entry ? COLORS[entry.kind as 'HOLIDAY' | 'WORKDAY'] : weekend ? COLORS.WEEKEND : undefined;
                  return (
                    <span key={iso} title={entry ? `${iso} ${entry.name}（${T.kinds[entry.kind]}）` : iso} style={{ background, borderRadius: 2 }}>
                      {d + 1}
                    </span>
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
