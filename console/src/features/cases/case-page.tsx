import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useOutletContext, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { factText } from '../../lib/format';
import { GROUNDS_LABEL, label, OBJECTION_STATUS_LABEL, OUTCOME_LABEL, PUBLICATION_LABEL, STEP_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import { assigneeText } from '../case-common/case-status-fields';
import { CaseTimeline } from '../case-common/case-timeline';
import { EvidenceList } from '../case-common/evidence-list';
import { StepHandOff } from '../case-common/step-hand-off';
import type { SessionActor } from '../../session/use-session';
import { CaseActions } from './case-actions';
import { CASE_TEXT as T } from './texts';

/** The objection's evidence as filed: titles, and the uploaded files they name. */
function evidenceOf(value: unknown): { title: string; fileId?: string }[] {
  return Array.isArray(value) ? (value as { title: string; fileId?: string }[]).filter((e) => typeof e?.title === 'string') : [];
}

const temporalUi = document.querySelector<HTMLMetaElement>('meta[name="temporal-ui"]')?.content;

function RecordNow({ recordId }: { recordId: string }) {
  const record = useQuery({ queryKey: ['record', recordId], queryFn: () => must(api.GET('/records/{recordId}', { params: { path: { recordId } } })) });
  const r = record.data as { facts?: Record<string, unknown>; version?: number; publicationStatus?: string } | undefined;
  return (
    <Card title={T.recordTitle} loading={record.isPending}>
      {record.isError && <Alert type="error" title={problemText(record.error)} />}
      {r && (
        <Descriptions column={1} size="small">
          {Object.entries(T.recordFacts).map(([key, text]) => (
            <Descriptions.Item key={key} label={text}>
              {factText(key, r.facts?.[key])}
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={T.recordPublication}>{label(PUBLICATION_LABEL, r.publicationStatus)}</Descriptions.Item>
          <Descriptions.Item label={T.recordVersion}>{r.version ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** One objection: where it stands (step, who has it, due date), the actions the caller may take, the timeline. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const actor = useOutletContext<SessionActor>();
  const objection = useQuery({
    queryKey: ['objection', caseId],
    queryFn: () => must(api.GET('/objections/{caseId}', { params: { path: { caseId } } })),
  });
  const c = objection.data;
  const people = usePeople([c?.applicantId, c?.claimedById, ...(c?.timeline ?? []).map((e) => e.actorId)]);
  if (objection.isError) return <Alert role="alert" type="error" showIcon title={problemText(objection.error)} />;
  const assignee = c ? assigneeText(c, people) : '—';
  return (
    <Flex vertical gap={24}>
      <Card loading={objection.isPending} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title(caseId)}</Typography.Title>}
        extra={actor.role === 'ADMIN' && c && temporalUi ? <a href={`${temporalUi}/workflows/${encodeURIComponent(c.workflowId)}`} target="_blank" rel="noreferrer">{T.temporal}</a> : null}>
        {c && (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={T.fields.status}>
              <Space>
                {label(OBJECTION_STATUS_LABEL, c.status)}
                {c.escalated && <Tag color="volcano">{T.escalated}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.step}>{label(STEP_LABEL, c.currentStep)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.assignee}>{assignee}</Descriptions.Item>
            <Descriptions.Item label={T.fields.due}>
              <Space>
                {dateTime(c.dueAt)}
                {c.overdue && <Tag color="red">{T.overdue}</Tag>}
                {c.dueProvisional && <Tag>{T.provisional}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.record}>{c.recordId}</Descriptions.Item>
            <Descriptions.Item label={T.fields.grounds}>{label(GROUNDS_LABEL, c.grounds)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.statement} span={2}>{c.statement}</Descriptions.Item>
            <Descriptions.Item label={T.fields.outcome}>{label(OUTCOME_LABEL, c.outcome)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.reasons}>{c.decisionReasons ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.filedAt}>{dateTime(c.filedAt)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.closedAt}>{dateTime(c.closedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && c.closedAt === null && <CaseActions actor={actor} objection={c} />}
      {c && <StepHandOff actor={actor} caseType="OBJECTION" caseId={caseId} c={c} people={people} />}
      <Flex gap={24} wrap align="start">
        <div style={{ flex: '2 1 420px' }}>
          <CaseTimeline events={c?.timeline ?? []} people={people} loading={objection.isPending} />
        </div>
        <Flex vertical gap={24} style={{ flex: '1 1 300px' }}>
          <EvidenceList items={evidenceOf(c?.evidence)} loading={objection.isPending} />
          {c && <RecordNow recordId={c.recordId} />}
        </Flex>
      </Flex>
    </Flex>
  );
}
