import { Card, Timeline, Typography } from 'antd';
import { dateTime } from '../../lib/dates';
import { EVENT_LABEL, label } from '../../lib/labels';
import type { People } from '../../lib/people';
import { CASE_COMMON_TEXT as T } from './texts';

export interface TimelineEvent {
  type: string;
  actorId: string;
  actorRole: string;
  reason?: string | null;
  occurredAt: string;
}

/** A case's events, oldest first, with who acted (by name where the caller may see it) and why. */
export function CaseTimeline({ events, people, loading, eventLabels = EVENT_LABEL }: { events: TimelineEvent[]; people: People; loading?: boolean; eventLabels?: Record<string, string> }) {
  return (
    <Card title={T.timeline} loading={loading}>
      <Timeline
        items={events.map((e) => ({
          content: (
            <div>
              <Typography.Text strong>{label(eventLabels, e.type)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {dateTime(e.occurredAt)} · {e.actorId === 'system' ? T.system : people.full(e.actorId)}
              </Typography.Text>
              {e.reason && <div>{e.reason}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
