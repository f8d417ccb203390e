import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useOutletContext, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { ESCALATION_LABEL, label, RECTIFICATION_STATUS_LABEL, STEP_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import type { SessionActor } from '../../session/use-session';
import { CaseTimeline, type TimelineEvent } from '../case-common/case-timeline';
import { StepHandOff } from '../case-common/step-hand-off';
import { assigneeText, DueAt } from '../case-common/case-status-fields';
import { EvidenceList, type EvidenceItem } from '../case-common/evidence-list';
import { CASE_COMMON_TEXT as C } from '../case-common/texts';
import { RectificationActions } from './rectification-actions';
import { RECTIFICATION_TEXT as T } from './texts';

/** Evidence the body submitted with progress reports and the completion (kept in the events' data). */
function evidenceOf(timeline: (TimelineEvent & { data?: unknown })[]): EvidenceItem[] {
  return timeline.flatMap((e) => {
    const evidence = (e.data as { evidence?: unknown } | null | undefined)?.evidence;
    return Array.isArray(evidence) ? (evidence as EvidenceItem[]).filter((item) => typeof item?.title === 'string') : [];
  });
}

const temporalUi = document.querySelector<HTMLMetaElement>('meta[name="temporal-ui"]')?.content;

/** One rectification order: where it stands, the actions the caller may take, the evidence and the timeline. */
export function RectificationPage() {
  const { rectificationId = '' } = useParams();
  const actor = useOutletContext<SessionActor>();
  const rectification = useQuery({
    queryKey: ['rectification', rectificationId],
    queryFn: () => must(api.GET('/rectifications/{rectificationId}', { params: { path: { rectificationId } } })),
  });
  const c = rectification.data;
  const timeline = ((c as { timeline?: (TimelineEvent & { data?: unknown })[] } | undefined)?.timeline ?? []);
  const people = usePeople([c?.claimedById, ...timeline.map((e) => e.actorId)]);
  if (rectification.isError) return <Alert role="alert" type="error" showIcon title={problemText(rectification.error)} />;
  return (
    <Flex vertical gap={24}>
      <Card
        loading={rectification.isPending}
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title(rectificationId)}</Typography.Title>}
        extra={actor.role === 'ADMIN' && c && temporalUi ? <a href={`${temporalUi}/workflows/${encodeURIComponent(c.workflowId)}`} target="_blank" rel="noreferrer">{C.temporal}</a> : null}
      >
        {c && (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={T.fields.status}>{label(RECTIFICATION_STATUS_LABEL, c.status)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.step}>{label(STEP_LABEL, c.currentStep)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.assignee}>{assigneeText(c, people)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.due}>
              <DueAt c={c} />
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.record}>{c.recordId}</Descriptions.Item>
            <Descriptions.Item label={T.fields.escalation}>
              <Space>
                {c.escalationLevel !== 'NONE' ? <Tag color="volcano">{label(ESCALATION_LABEL, c.escalationLevel)}</Tag> : label(ESCALATION_LABEL, c.escalationLevel)}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.explanation} span={2}>{c.explanation ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.plan} span={2}>{c.plan ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.returned}>{c.returnedCount}</Descriptions.Item>
            <Descriptions.Item label={T.fields.openedAt}>{dateTime(c.openedAt)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.closedAt}>{dateTime(c.closedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && c.closedAt === null && <RectificationActions actor={actor} rectification={c} />}
      {c && <StepHandOff actor={actor} caseType="RECTIFICATION" caseId={rectificationId} c={{ ...c, timeline }} people={people} />}
      <Flex gap={24} wrap align="start">
        <div style={{ flex: '2 1 420px' }}>
          <CaseTimeline events={timeline} people={people} loading={rectification.isPending} />
        </div>
        <div style={{ flex: '1 1 300px' }}>
          <EvidenceList items={evidenceOf(timeline)} loading={rectification.isPending} />
        </div>
      </Flex>
    </Flex>
  );
}
