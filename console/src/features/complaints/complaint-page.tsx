import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link, useOutletContext, useParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { COMPLAINT_EVENT_LABEL, COMPLAINT_STATUS_LABEL, FINDING_LABEL, label, POLICY_AREA_LABEL, STEP_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import type { SessionActor } from '../../session/use-session';
import { assigneeText, DueAt } from '../case-common/case-status-fields';
import { CaseTimeline, type TimelineEvent } from '../case-common/case-timeline';
import { EvidenceList, type EvidenceItem } from '../case-common/evidence-list';
import { StepHandOff } from '../case-common/step-hand-off';
import { ComplaintActions } from './complaint-actions';
import { COMPLAINT_CASE_TEXT as T, COMPLAINT_TEXT } from './texts';
import { AuthorityName } from '../case-common/authorities';

interface Reporter {
  redacted?: true;
  name?: string;
  phone?: string | null;
  email?: string | null;
  organization?: string | null;
  address?: string | null;
}

interface ComplaintView {
  id: string;
  subjectId: string;
  authorityId: string;
  intakeAuthorityId: string;
  anonymous: boolean;
  policyArea: string;
  category: string;
  summary: string;
  evidence: EvidenceItem[] | null;
  status: string;
  currentStep: string | null;
  assigneeRole: string | null;
  dueAt: string | null;
  dueProvisional: boolean;
  overdue: boolean;
  escalated: boolean;
  claimedById: string | null;
  finding: string | null;
  findingReasons: string | null;
  findingEvidence: EvidenceItem[] | null;
  reply: string | null;
  proposalId: string | null;
  filedAt: string;
  closedAt: string | null;
  reporter?: Reporter | null;
  timeline: (TimelineEvent & { data?: unknown })[];
}

/** The reporter's identity: the intake staff see it, others read 已隐去; an anonymous report says so. */
function ReporterBlock({ c }: { c: ComplaintView }) {
  const r = c.reporter;
  return (
    <Card title={T.reporter} size="small">
      {c.anonymous ? (
        <Tag>{T.reporterAnonymous}</Tag>
      ) : !r || r.redacted ? (
        <Typography.Text type="secondary">{T.reporterRedacted}</Typography.Text>
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {(Object.keys(T.reporterFields) as (keyof typeof T.reporterFields)[]).map((k) => (
            <Descriptions.Item key={k} label={T.reporterFields[k]}>{r[k] || '—'}</Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Card>
  );
}

/** One complaint (投诉举报) for staff: where it stands, the reporter as far as the caller may see, actions, timeline. */
export function ComplaintPage() {
  const { complaintId = '' } = useParams();
  const actor = useOutletContext<SessionActor>();
  const complaint = useQuery({
    queryKey: ['complaint', complaintId],
    queryFn: () => must(api.GET('/complaints/{complaintId}', { params: { path: { complaintId } } })),
  });
  const c = complaint.data as unknown as ComplaintView | undefined;
  const timeline = c?.timeline ?? [];
  const people = usePeople([c?.claimedById, ...timeline.map((e) => e.actorId)]);
  if (complaint.isError) return <Alert role="alert" type="error" showIcon title={problemText(complaint.error)} />;
  return (
    <Flex vertical gap={24}>
      <Card loading={complaint.isPending} title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title(complaintId)}</Typography.Title>}>
        {c && (
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={T.fields.status}>{label(COMPLAINT_STATUS_LABEL, c.status)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.step}>{label(STEP_LABEL, c.currentStep)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.assignee}>{assigneeText(c, people)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.due}>
              <DueAt c={c} />
            </Descriptions.Item>
            <Descriptions.Item label={T.fields.subject}>{c.subjectId}</Descriptions.Item>
            <Descriptions.Item label={T.fields.policyArea}>{label(POLICY_AREA_LABEL, c.policyArea)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.category}>{label(COMPLAINT_TEXT.categories, c.category)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.intakeAuthority}><AuthorityName id={c.intakeAuthorityId} /></Descriptions.Item>
            <Descriptions.Item label={T.fields.authority}>{c.authorityId !== c.intakeAuthorityId ? <AuthorityName id={c.authorityId} /> : '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.filedAt}>{dateTime(c.filedAt)}</Descriptions.Item>
            <Descriptions.Item label={T.fields.summary} span={2}>{c.summary}</Descriptions.Item>
            <Descriptions.Item label={T.fields.finding}>{c.finding ? label(FINDING_LABEL, c.finding) : '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.proposal}>{c.proposalId ? <Link to={`/record-proposals?id=${encodeURIComponent(c.proposalId)}`}>{c.proposalId}</Link> : '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.findingReasons} span={2}>{c.findingReasons ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.reply} span={2}>{c.reply ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={T.fields.closedAt}>{dateTime(c.closedAt)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && <ReporterBlock c={c} />}
      {c && c.closedAt === null && <ComplaintActions actor={actor} complaint={c} />}
      {c && <StepHandOff actor={actor} caseType="COMPLAINT" caseId={complaintId} c={c} people={people} />}
      <Flex gap={24} wrap align="start">
        <div style={{ flex: '2 1 420px' }}>
          <CaseTimeline events={timeline} people={people} loading={complaint.isPending} eventLabels={COMPLAINT_EVENT_LABEL} />
        </div>
        <div style={{ flex: '1 1 300px' }}>
          <EvidenceList items={[...(c?.evidence ?? []), ...(c?.findingEvidence ?? [])].filter((e) => typeof e?.title === 'string')} loading={complaint.isPending} />
        </div>
      </Flex>
    </Flex>
  );
}
