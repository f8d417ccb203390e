import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { useOutletContext, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { date, dateTime } from '../../lib/dates';
import { label, MATERIAL_LABEL, REPAIR_EVENT_LABEL, REPAIR_STATUS_LABEL, STEP_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import type { SessionActor } from '../../session/use-session';
import { CaseTimeline } from '../case-common/case-timeline';
import { assigneeText, DueAt } from '../case-common/case-status-fields';
import { EvidenceList } from '../case-common/evidence-list';
import { CASE_COMMON_TEXT as C } from '../case-common/texts';
import { StepHandOff } from '../case-common/step-hand-off';
import { RepairActions } from './repair-actions';
import { allMaterials, requestedMaterials, type RepairView } from './repair-types';
import { REPAIR_TEXT as T } from './texts';

const temporalUi = document.querySelector<HTMLMetaElement>('meta[name="temporal-ui"]')?.content;

/** One repair application: where it stands, the actions the caller may take, its materials and its timeline. */
export function RepairPage() {
  const { applicationId = '' } = useParams();
  const actor = useOutletContext<SessionActor>();
  const repair = useQuery({
    queryKey: ['repair', applicationId],
    queryFn: async () => (await must(api.GET('/repairs/{applicationId}', { params: { path: { applicationId } } }))) as unknown as RepairView,
  });
  const c = repair.data;
  const people = usePeople([c?.applicantId, c?.claimedById, c?.reviewedById, c?.decidedById, ...(c?.timeline ?? []).map((e) => e.actorId)]);
  if (repair.isError) return <Alert role="alert" type="error" showIcon title={problemText(repair.error)} />;
  const missing = c ? requestedMaterials(c) : [];
  return (
    <Flex vertical gap={24}>
      <Card
        loading={repair.isPending}
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title(applicationId)}</Typography.Title>}
        extra={actor.role === 'ADMIN' && c && temporalUi ? <a href={`${temporalUi}/workflows/${encodeURIComponent(c.workflowId)}`} target="_blank" rel="noreferrer">{C.temporal}</a> : null}
      >
        {c && (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={T.fields.status}>
              <Space>
                {label(REPAIR_STATUS_LABEL, c.status)}
                {c.escalated && <Tag color="volcano">{C.escalated}</Tag>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.step}>{label(STEP_LABEL, c.currentStep)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.assignee}>{assigneeText(c, people)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.due}>
              <DueAt c={c} />
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.record}>{c.recordId}</Descriptions.Item>
            <Descriptions.Item label={T.fields.applicant}>{people.full(c.applicantId)}</Descriptions.Item>
            {c.status === 'NEEDS_CORRECTION' && missing.length > 0 && (
              <Descriptions.Item label={T.fields.missing} span={2}>
                {missing.map((m) => label(MATERIAL_LABEL, m)).join('、')}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={T.fields.reviewedBy}>{c.reviewedById ? people.full(c.reviewedById) : '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.decidedBy}>{c.decidedById ? people.full(c.decidedById) : '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.reasons} span={2}>{c.decisionReasons ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.filedAt}>{dateTime(c.filedAt)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.closedAt}>{dateTime(c.closedAt)}</Descriptions.Item>
            {c.reapplyFrom && <Descriptions.Item label={T.fields.reapplyFrom}>{date(c.reapplyFrom)}</Descriptions.Item>}
          </Descriptions>
        )}
      </Card>
      {c && <RepairActions actor={actor} repair={c} />}
      {c && <StepHandOff actor={actor} caseType="REPAIR" caseId={applicationId} c={c} people={people} />}
      <Flex gap={24} wrap align="start">
        <div style={{ flex: '2 1 420px' }}>
          <CaseTimeline events={c?.timeline ?? []} people={people} loading={repair.isPending} eventLabels={REPAIR_EVENT_LABEL} />
        </div>
        <Flex vertical gap={24} style={{ flex: '1 1 300px' }}>
          <EvidenceList title={T.materials} loading={repair.isPending} items={(c ? allMaterials(c) : []).map((m) => ({ ...m, kind: m.title.startsWith(label(MATERIAL_LABEL, m.kind)) ? undefined : label(MATERIAL_LABEL, m.kind) }))} />
        </Flex>
      </Flex>
    </Flex>
  );
}
