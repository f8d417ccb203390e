import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { casePath, label, POLICY_AREA_LABEL, PROPOSAL_SOURCE_LABEL, PROPOSAL_STATUS_LABEL } from '../../lib/labels';
import { SEVERITY_OPTION_LABEL } from '../complaints/texts';
import { ProposalActions } from './proposal-actions';
import { ProposalCard, type ProposalView } from './proposal-card';
import { PROPOSAL_TEXT as T } from './texts';

type Status = 'PROPOSED' | 'CONFIRMED' | 'REJECTED';
type Source = 'COMPLAINT' | 'COMMITMENT';

/** 失信记录建议: the proposals the caller's authority may decide, with 确认 / 驳回 on the open ones. */
export function RecordProposalsPage() {
  const [params] = useSearchParams();
  const focus = params.get('id');
  const [status, setStatus] = useState<Status | undefined>('PROPOSED');
  const [source, setSource] = useState<Source | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['record-proposals', status, source, page],
    queryFn: () => must(api.GET('/record-proposals', { params: { query: { ...(status ? { status } : {}), ...(source ? { source } : {}), page, pageSize: 20 } } })),
  });
  return (
    <Flex vertical gap={24}>
      {focus && <ProposalCard proposalId={focus} canDecide />}
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>}>
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary">{T.intro}</Typography.Paragraph>
          <Flex gap={12} wrap>
            <Select<Status> aria-label={T.filters.status} placeholder={T.filters.status} allowClear value={status} style={{ width: 160 }}
              onChange={(v) => { setStatus(v); setPage(1); }}
              options={Object.entries(PROPOSAL_STATUS_LABEL).map(([value, text]) => ({ value: value as Status, label: text }))} />
            <Select<Source> aria-label={T.filters.source} placeholder={T.filters.source} allowClear value={source} style={{ width: 160 }}
              onChange={(v) => { setSource(v); setPage(1); }}
              options={Object.entries(PROPOSAL_SOURCE_LABEL).map(([value, text]) => ({ value: value as Source, label: text }))} />
          </Flex>
          {list.isError && <Alert role="alert" type="error" showIcon title={problemText(list.error)} />}
          <Table<ProposalView>
            rowKey="id"
            loading={list.isPending}
            dataSource={(list.data?.items ?? []) as unknown as ProposalView[]}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: T.columns.id, render: (_, p) => <Link to={`/record-proposals?id=${encodeURIComponent(p.id)}`}>{p.id}</Link> },
              { title: T.columns.source, render: (_, p) => label(PROPOSAL_SOURCE_LABEL, p.source) },
              { title: T.columns.sourceCase, render: (_, p) => <Link to={casePath(p.source, p.sourceCaseId)}>{p.sourceCaseId}</Link> },
              { title: T.columns.subject, dataIndex: 'subjectId' },
              { title: T.columns.area, render: (_, p) => label(POLICY_AREA_LABEL, p.policyArea) },
              { title: T.columns.severity, render: (_, p) => label(SEVERITY_OPTION_LABEL, p.severity) },
              { title: T.columns.facts, render: (_, p) => p.facts?.title ?? '—' },
              { title: T.columns.proposedAt, render: (_, p) => dateTime(p.proposedAt) },
              { title: T.columns.status, render: (_, p) => label(PROPOSAL_STATUS_LABEL, p.status) },
              { title: T.columns.record, render: (_, p) => p.recordId ?? '—' },
              { title: T.columns.actions, render: (_, p) => (p.status === 'PROPOSED' ? <ProposalActions proposalId={p.id} /> : null) },
            ]}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
