import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime, dayjs } from '../../lib/dates';
import { ADMIN_TEXT } from './texts';
import { YearOverview } from './year-overview';

const T = ADMIN_TEXT.calendar;
type Kind = 'HOLIDAY' | 'WORKDAY';
interface Day {
  date: string;
  kind: Kind;
  name: string;
}

/**
 * The working-day calendar editor: a year's holidays and make-up working days, edited here and published with
 * PUT /calendar/years/{year}; the answer says how many open cases recomputed their deadlines, and the page says it.
 */
export function CalendarPage() {
  const queryClient = useQueryClient();
  const [year, setYear] = useState(dayjs().year() + 1);
  const [days, setDays] = useState<Day[]>([]);
  const [meta] = Form.useForm<{ source: string; notice?: string }>();
  const [adder] = Form.useForm<{ date: Dayjs; kind: Kind; name: string }>();
  const years = useQuery({ queryKey: ['calendar-years'], queryFn: () => must(api.GET('/calendar/years')) });
  const detail = useQuery({
    queryKey: ['calendar-year', year],
    queryFn: async () => {
      try {
        return await must(api.GET('/calendar/years/{year}', { params: { path: { year: String(year) } } }));
      } catch (err) {
        if (err instanceof ApiError && err.problem.status === 404) return null;
        throw err;
      }
    },
  });
  useEffect(() => {
    if (detail.data === undefined) return;
    setDays((detail.data?.days ?? []) as Day[]);
    meta.setFieldsValue({ source: detail.data?.source ?? '', notice: detail.data?.notice ?? '' });
  }, [detail.data, meta]);

  const publish = useMutation({
    mutationFn: (form: { source: string; notice?: string }) =>
      must(api.PUT('/calendar/years/{year}', { params: { path: { year: String(year) } }, body: { source: form.source.trim(), notice: form.notice?.trim() || null, days } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
    },
  });

  const addDay = (v: { date: Dayjs; kind: Kind; name: string }) => {
    const date = v.date.format('YYYY-MM-DD');
    setDays([...days, { date, kind: v.kind, name: v.name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    adder.resetFields(['date', 'name']);
  };
  const published = (years.data?.items ?? []).map((y) => y.year);
  const yearOptions = [...new Set([...published, dayjs().year(), dayjs().year() + 1, year])].sort().map((y) => ({ value: y, label: `${y}` }));

  return (
    <Flex vertical gap={24}>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{T.subtitle}</Typography.Paragraph>
        <Space wrap>
          <label htmlFor="calendar-year">{T.year}</label>
          <Select id="calendar-year" aria-label={T.year} style={{ width: 120 }} value={year} options={yearOptions} onChange={(y) => { setYear(y); publish.reset(); }} />
          <InputNumber aria-label={`${T.year}（输入）`} min={1900} max={2199} value={year} onChange={(y) => y && setYear(y)} />
          {detail.data ? <Tag color="green">{T.published}</Tag> : detail.data === null ? <Tag>{T.notPublished}</Tag> : null}
          {detail.data && (
            <Typography.Text type="secondary">
              {T.updatedAt}：{dateTime(detail.data.updatedAt)}
            </Typography.Text>
          )}
        </Space>
      </Card>
      {detail.isError && <Alert type="error" title={problemText(detail.error)} />}
      <Flex gap={24} wrap align="start">
        <Card title={T.days} style={{ flex: '1 1 520px' }} loading={detail.isPending}>
          <Form form={adder} layout="inline" onFinish={addDay} aria-label={T.add} style={{ marginBottom: 16, rowGap: 8 }} initialValues={{ kind: 'HOLIDAY' }}>
            <Form.Item
              label={T.date}
              name="date"
              rules={[
                { required: true, message: T.dateRequired },
                {
                  validator: async (_, value: Dayjs | undefined) => {
                    if (!value) return;
                    if (value.year() !== year) throw new Error(T.outsideYear(year));
                    if (days.some((d) => d.date === value.format('YYYY-MM-DD'))) throw new Error(T.duplicate);
                    const weekend = value.day() === 0 || value.day() === 6;
                    if (adder.getFieldValue('kind') === 'WORKDAY' && !weekend) throw new Error(T.workdayOnWeekdayOnly);
                  },
                },
              ]}
            >
              <DatePicker defaultPickerValue={dayjs(`${year}-01-01`)} />
            </Form.Item>
            <Form.Item label={T.kind} name="kind">
              <Select style={{ width: 120 }} options={Object.entries(T.kinds).map(([value, text]) => ({ value, label: text }))} />
            </Form.Item>
            <Form.Item label={T.name} name="name" rules={[{ required: true, whitespace: true, message: T.nameRequired }, { max: 100 }]}>
              <Input style={{ width: 140 }} maxLength={100} />
            </Form.Item>
            <Button htmlType="submit">{T.add}</Button>
          </Form>
          <Table<Day>
            rowKey="date"
            size="small"
            dataSource={days}
            pagination={false}
            locale={{ emptyText: T.empty }}
            scroll={{ y: 360 }}
            columns={[
              { title: T.date, dataIndex: 'date', render: (d: string) => `${d}（周${T.weekdays[(dayjs(d).day() + 6) % 7]}）` },
              { title: T.kind, dataIndex: 'kind', render: (k: string) => <Tag color={k === 'HOLIDAY' ? 'red' : 'blue'}>{T.kinds[k]}</Tag> },
              { title: T.name, dataIndex: 'name' },
              {
                title: '',
                render: (_, d) => (
                  <Button size="small" type="link" danger aria-label={`${T.remove} ${d.date}`} onClick={() => setDays(days.filter((x) => x.date !== d.date))}>
                    {T.remove}
                  </Button>
                ),
              },
            ]}
          />
          <Form form={meta} layout="vertical" onFinish={(v) => publish.mutate(v)} style={{ marginTop: 16 }} aria-label={T.publish(year)}>
            <Form.Item label={T.source} name="source" rules={[{ required: true, whitespace: true, message: T.sourceRequired }, { max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item label={T.notice} name="notice" rules={[{ max: 5000 }]}>
              <Input maxLength={5000} />
            </Form.Item>
            {publish.isError && <Alert role="alert" type="error" showIcon title={problemText(publish.error)} style={{ marginBottom: 16 }} />}
            {publish.data && <Alert role="status" type="success" showIcon title={T.publishedResult(publish.data.year, publish.data.calendarVersion, publish.data.recomputedCases)} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" loading={publish.isPending}>
              {T.publish(year)}
            </Button>
          </Form>
        </Card>
        <div style={{ flex: '1 1 560px' }}>
          <YearOverview year={year} days={days} />
        </div>
      </Flex>
    </Flex>
  );
}
