import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Space, Typography } from 'antd';
import { useOutletContext, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { uploadEvidence } from '../../api/upload';
import { date, dateTime } from '../../lib/dates';
import { COMMITMENT_EVENT_LABEL, COMMITMENT_KIND_LABEL, COMMITMENT_STATUS_LABEL, label, POLICY_AREA_LABEL, STEP_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import type { SessionActor } from '../../session/use-session';
import { assigneeText, DueAt } from '../case-common/case-status-fields';
import { CaseTimeline, type TimelineEvent } from '../case-common/case-timeline';
import { ClaimButtons } from '../case-common/claim-buttons';
import { EvidenceList, type EvidenceItem } from '../case-common/evidence-list';
import { ProgressForms } from '../case-common/progress-forms';
import { StepHandOff } from '../case-common/step-hand-off';
import { CASE_COMMON_TEXT as C } from '../case-common/texts';
import { useCaseAction } from '../case-common/use-case-action';
import { ProposalCard } from '../record-proposals/proposal-card';
import { COMMITMENT_TEXT as T } from './texts';
import { AuthorityName } from '../case-common/authorities';

const STAFF = new Set(['REVIEWER', 'SUPERVISOR']);
const required = (max: number) => [{ required: true, whitespace: true, message: C.reasonRequired }, { max }];

interface CommitmentView {
  id: string;
  subjectId: string;
  authorityId: string;
  kind: string;
  policyArea: string;
  promise: string;
  publicConcerned: string;
  dueDate: string;
  recurrence: { everyMonths: number; endsOn: string } | null;
  period: number;
  status: string;
  currentStep: string | null;
  assigneeRole: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  overdue: boolean;
  claimedById: string | null;
  recordProposalId: string | null;
  registeredAt: string;
  closedAt: string | null;
  timeline: (TimelineEvent & { data?: unknown })[];
}

function evidenceOf(timeline: (TimelineEvent & { data?: unknown })[]): EvidenceItem[] {
  return timeline.flatMap((e) => {
    const evidence = (e.data as { evidence?: unknown } | null | undefined)?.evidence;
    return Array.isArray(evidence) ? (evidence as EvidenceItem[]).filter((item) => typeof item?.title === 'string') : [];
  });
}


/** The body reports progress or fulfilment; the supervising authority's reviewer claims and checks. The API decides. */
function CommitmentActions({ actor, c }: { actor: SessionActor; c: CommitmentView }) {
  const action = useCaseAction();
  const commitmentId = c.id;
  const path = { params: { path: { commitmentId } } };
  const isBody = actor.role === 'APPLICANT' && actor.subjectId === c.subjectId;
  // The check is the supervising authority's: only its staff see the check and claim.
  const isStaff = STAFF.has(actor.role) && actor.authorityId === c.authorityId;
  const upload = (file: File) => uploadEvidence('commitment', commitmentId, file);

  const content = [
    isStaff && c.status === 'CHECK_DUE' && (
      <Space key="claim">
        <ClaimButtons pending={action.pending} claimed={c.claimedById !== null}
          onClaim={() => action.run(C.claimed, () => must(api.POST('/commitments/{commitmentId}/claim', { ...path, body: {} })))}
          onRelease={() => action.run(C.released, () => must(api.POST('/commitments/{commitmentId}/release', { ...path, body: {} })))} />
      </Space>
    ),
    isBody && (c.status === 'ACTIVE' || c.status === 'REGISTERED') && (
      <ProgressForms key="body" pending={action.pending} run={action.run} upload={upload} fileIds={{ progress: 'progress-file', done: 'fulfilment-file' }}
        text={{ progressTitle: T.progressTitle, progressNote: T.progressNote, progressFile: T.progressFile, reportProgress: T.reportProgress, progressed: T.progressed,
          doneTitle: T.fulfilmentTitle, doneSummary: T.fulfilmentSummary, doneEvidenceTitle: T.fulfilmentEvidenceTitle, doneFile: T.fulfilmentFile, done: T.fulfil, doneMessage: T.fulfilled }}
        postProgress={(body) => must(api.POST('/commitments/{commitmentId}/progress', { ...path, body }))}
        postDone={(body) => must(api.POST('/commitments/{commitmentId}/fulfilment', { ...path, body }))} />
    ),
    isStaff && c.status === 'CHECK_DUE' && (
      <CheckForm key="check" pending={action.pending} onFinish={(body) => action.run(T.checked, () => must(api.POST('/commitments/{commitmentId}/check', { ...path, body })))} />
    ),
  ].filter(Boolean);
  if (content.length === 0) return null;
  return (
    <Card title={T.actions}>
      <Flex vertical gap={24}>
        {action.refusal && <Alert role="alert" type="error" showIcon title={C.refused} description={action.refusal} closable onClose={action.clearRefusal} />}
        {content}
      </Flex>
    </Card>
  );
}

type Outcome = 'KEPT' | 'LATE' | 'BROKEN';

/** The reviewer's check: KEPT / LATE / BROKEN with reasons and at least one piece of evidence (named, one a line). */
function CheckForm({ pending, onFinish }: { pending: boolean; onFinish: (body: { outcome: Outcome; reasons: string; evidence: { title: string }[] }) => void }) {
  const [form] = Form.useForm<{ outcome: Outcome; reasons: string; evidence: string }>();
  const outcome = Form.useWatch('outcome', form);
  const lines = (text: string) => text.split('\n').map((l) => l.trim().slice(0, 200)).filter(Boolean);
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} aria-label={T.checkTitle}
      onFinish={(v) => onFinish({ outcome: v.outcome, reasons: v.reasons.trim(), evidence: lines(v.evidence).map((title) => ({ title })) })}>
      <Form.Item label={T.outcome} name="outcome" rules={[{ required: true, message: T.outcomeRequired }]}>
        <Radio.Group options={Object.entries(T.outcomes).map(([value, text]) => ({ value, label: text }))} />
      </Form.Item>
      {outcome === 'BROKEN' && <Alert type="warning" showIcon title={T.brokenHint} style={{ marginBottom: 16 }} />}
      <Form.Item label={T.checkReasons} name="reasons" rules={required(5000)}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label={T.checkEvidence} name="evidence"
        rules={[{ validator: (_, value: string | undefined) => (lines(value ?? '').length > 0 ? Promise.resolve() : Promise.reject(new Error(T.checkEvidenceRequired))) }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>{T.submitCheck}</Button>
    </Form>
  );
}

/** One commitment (守信践诺): where it stands, the actions, the record proposal it led to, evidence and timeline. */
export function CommitmentPage() {
  const { commitmentId = '' } = useParams();
  const actor = useOutletContext<SessionActor>();
  const commitment = useQuery({
    queryKey: ['commitment', commitmentId],
    queryFn: () => must(api.GET('/commitments/{commitmentId}', { params: { path: { commitmentId } } })),
  });
  const c = commitment.data as unknown as CommitmentView | undefined;
  const timeline = c?.timeline ?? [];
  const people = usePeople([c?.claimedById, ...timeline.map((e) => e.actorId)]);
  if (commitment.isError) return <Alert role="alert" type="error" showIcon title={problemText(commitment.error)} />;
  return (
    <Flex vertical gap={24}>
      <Card loading={commitment.isPending} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title(commitmentId)}</Typography.Title>}>
        {c && (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={T.fields.status}>{label(COMMITMENT_STATUS_LABEL, c.status)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.step}>{label(STEP_LABEL, c.currentStep)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.assignee}>{assigneeText(c, people)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.due}>
              <DueAt c={c} />
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.kind}>{label(COMMITMENT_KIND_LABEL, c.kind)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.area}>{label(POLICY_AREA_LABEL, c.policyArea)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.promise} span={2}>{c.promise}</Descriptions.Item>
            <Descriptions.Item label={T.fields.publicConcerned} span={2}>{c.publicConcerned}</Descriptions.Item>
            <Descriptions.Item label={T.fields.dueDate}>{date(c.dueDate)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.recurrence}>{c.recurrence ? T.recurrenceText(c.recurrence.everyMonths, c.recurrence.endsOn) : T.noRecurrence}</Descriptions.Item>
            <Descriptions.Item label={T.fields.subject}>{c.subjectId}</Descriptions.Item>
            <Descriptions.Item label={T.fields.authority}><AuthorityName id={c.authorityId} /></Descriptions.Item>
            <Descriptions.Item label={T.fields.registeredAt}>{dateTime(c.registeredAt)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.closedAt}>{dateTime(c.closedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && c.closedAt === null && <CommitmentActions actor={actor} c={c} />}
      {c && <StepHandOff actor={actor} caseType="COMMITMENT" caseId={commitmentId} c={c} people={people} />}
      {c?.recordProposalId && <ProposalCard title={T.proposalTitle} proposalId={c.recordProposalId} canDecide={STAFF.has(actor.role)} />}
      <Flex gap={24} wrap align="start">
        <div style={{ flex: '2 1 420px' }}>
          <CaseTimeline events={timeline} people={people} loading={commitment.isPending} eventLabels={COMMITMENT_EVENT_LABEL} />
        </div>
        <div style={{ flex: '1 1 300px' }}>
          <EvidenceList items={evidenceOf(timeline)} loading={commitment.isPending} />
        </div>
      </Flex>
    </Flex>
  );
}
