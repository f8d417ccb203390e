import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions } from 'antd';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { date, dateTime } from '../../lib/dates';
import { casePath, label, POLICY_AREA_LABEL, PROPOSAL_SOURCE_LABEL, PROPOSAL_STATUS_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import { SEVERITY_OPTION_LABEL } from '../complaints/texts';
import { ProposalActions } from './proposal-actions';
import { PROPOSAL_TEXT as T } from './texts';
import { AuthorityName } from '../case-common/authorities';

export interface ProposalView {
  id: string;
  source: string;
  sourceCaseId: string;
  subjectId: string;
  authorityId: string;
  severity: string;
  policyArea: string;
  facts: { title?: string; summary?: string } | null;
  decisionDate: string;
  rectificationRequired: boolean;
  status: string;
  proposedById: string;
  proposedAt: string;
  decidedById: string | null;
  decidedAt: string | null;
  decisionReasons: string | null;
  recordId: string | null;
}

/** One record proposal as the caller may see it (a case page shows the proposal it led to); staff may decide it here. */
export function ProposalCard({ proposalId, title = T.title, canDecide = false }: { proposalId: string; title?: string; canDecide?: boolean }) {
  const proposal = useQuery({
    queryKey: ['record-proposal', proposalId],
    queryFn: () => must(api.GET('/record-proposals/{proposalId}', { params: { path: { proposalId } } })),
  });
  const p = proposal.data as unknown as ProposalView | undefined;
  const people = usePeople([p?.proposedById, p?.decidedById]);
  return (
    <Card title={`${title} ${proposalId}`} loading={proposal.isPending} extra={canDecide && p?.status === 'PROPOSED' ? <ProposalActions proposalId={proposalId} /> : null}>
      {proposal.isError && <Alert type="info" showIcon title={T.unavailable} description={problemText(proposal.error)} />}
      {p && (
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={T.fields.status}>{label(PROPOSAL_STATUS_LABEL, p.status)}</Descriptions.Item>
          <Descriptions.Item label={T.fields.source}>
            {label(PROPOSAL_SOURCE_LABEL, p.source)} · <Link to={casePath(p.source, p.sourceCaseId)}>{p.sourceCaseId}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={T.fields.subject}>{p.subjectId}</Descriptions.Item>
          <Descriptions.Item label={T.fields.authority}><AuthorityName id={p.authorityId} /></Descriptions.Item>
          <Descriptions.Item label={T.fields.area}>{label(POLICY_AREA_LABEL, p.policyArea)}</Descriptions.Item>
          <Descriptions.Item label={T.fields.severity}>{label(SEVERITY_OPTION_LABEL, p.severity)}</Descriptions.Item>
          <Descriptions.Item label={T.fields.factsTitle} span={2}>{p.facts?.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={T.fields.factsSummary} span={2}>{p.facts?.summary ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={T.fields.decisionDate}>{date(p.decisionDate)}</Descriptions.Item>
          <Descriptions.Item label={T.fields.rectification}>{p.rectificationRequired ? T.yes : T.no}</Descriptions.Item>
          <Descriptions.Item label={T.fields.proposedBy}>{p.proposedById === 'system' ? '系统' : people.full(p.proposedById)}</Descriptions.Item>
          <Descriptions.Item label={T.fields.decidedBy}>{p.decidedById ? people.full(p.decidedById) : '—'}</Descriptions.Item>
          <Descriptions.Item label={T.fields.decidedAt}>{dateTime(p.decidedAt)}</Descriptions.Item>
          <Descriptions.Item label={T.fields.record}>{p.recordId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={T.fields.reasons} span={2}>{p.decisionReasons ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
