import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, List, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useOutletContext } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { date, dateTime } from '../../lib/dates';
import { label, OBJECTION_STATUS_LABEL, OUTCOME_LABEL, PUBLICATION_LABEL, SEVERITY_LABEL, STEP_LABEL } from '../../lib/labels';
import type { SessionActor } from '../../session/use-session';
import { APPLICANT_TEXT as T } from './texts';

interface RecordRow {
  id: string;
  documentNumber?: string;
  severity?: string;
  facts?: { title?: string };
  publishedFrom?: string | null;
  publishedUntil?: string | null;
  publicationStatus: string;
  sanctionsActive: boolean;
  underObjection: boolean;
  objectionCaseId?: string | null;
}

function Eligibility({ subjectId }: { subjectId: string }) {
  const eligibility = useQuery({
    queryKey: ['eligibility', subjectId],
    queryFn: () => must(api.GET('/subjects/{subjectId}/eligibility', { params: { path: { subjectId } } })),
  });
  if (eligibility.isError) return <Alert type="error" title={problemText(eligibility.error)} />;
  const e = eligibility.data;
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.eligibilityTitle}</Typography.Title>} loading={eligibility.isPending}>
      {e && (
        <Space direction="vertical">
          <Tag color={e.eligible ? 'green' : 'red'} style={{ fontSize: 16, padding: '4px 12px' }}>
            {e.eligible ? T.eligibleYes : T.eligibleNo}
          </Tag>
          {!e.eligible && (
            <List
              size="small"
              dataSource={e.blockers}
              renderItem={(b) => <List.Item>{T.blockedBy(b.recordId, b.until ? date(b.until) : T.untilUnknown)}</List.Item>}
            />
          )}
          {e.expectedEnd && (
            <Typography.Text>
              {T.expectedEnd}：{date(e.expectedEnd)}
            </Typography.Text>
          )}
        </Space>
      )}
    </Card>
  );
}

/** The applicant's records with their publication window, sanctions and eligibility, and their objection cases. */
export function MyRecordsPage() {
  const actor = useOutletContext<SessionActor>();
  const navigate = useNavigate();
  const records = useQuery({ queryKey: ['records'], queryFn: () => must(api.GET('/records', { params: { query: { pageSize: 100 } } })) });
  const cases = useQuery({ queryKey: ['objections', 'mine'], queryFn: () => must(api.GET('/objections', { params: { query: { pageSize: 100 } } })) });
  if (!actor.subjectId) return <Result status="warning" title="—" />;
  return (
    <Flex vertical gap={24}>
      <Eligibility subjectId={actor.subjectId} />
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.recordsTitle}</Typography.Title>}>
        {records.isError && <Alert type="error" title={problemText(records.error)} />}
        <Table<RecordRow>
          rowKey="id"
          loading={records.isPending}
          dataSource={(records.data?.items ?? []) as RecordRow[]}
          pagination={false}
          columns={[
            { title: T.columns.id, dataIndex: 'id' },
            { title: T.columns.documentNumber, dataIndex: 'documentNumber' },
            { title: T.columns.title, render: (_, r) => r.facts?.title ?? '—' },
            { title: T.columns.severity, render: (_, r) => label(SEVERITY_LABEL, r.severity) },
            { title: T.columns.window, render: (_, r) => `${date(r.publishedFrom)} 至 ${date(r.publishedUntil)}` },
            { title: T.columns.publication, render: (_, r) => label(PUBLICATION_LABEL, r.publicationStatus) },
            { title: T.columns.sanctions, render: (_, r) => (r.sanctionsActive ? <Tag color="red">{T.sanctionsActive}</Tag> : T.sanctionsNone) },
            {
              title: T.columns.actions,
              render: (_, r) => (
                <Space wrap>
                  {r.underObjection && r.objectionCaseId ? (
                    <Link to={`/cases/${r.objectionCaseId}`}>{T.underObjection}</Link>
                  ) : (
                    <Button size="small" onClick={() => void navigate(`/records/${r.id}/objection`)} aria-label={`${T.fileObjection} ${r.id}`}>
                      {T.fileObjection}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void navigate(`/records/${r.id}/repair`)} aria-label={`${T.applyRepair} ${r.id}`}>
                    {T.applyRepair}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.myCasesTitle}</Typography.Title>}
        extra={<Link to="/inbox?scope=all">{T.allCases}</Link>}
      >
        <Table
          rowKey="id"
          loading={cases.isPending}
          dataSource={cases.data?.items ?? []}
          pagination={false}
          columns={[
            { title: T.caseColumns.id, render: (_, c) => <Link to={`/cases/${c.id}`}>{c.id}</Link> },
            { title: T.caseColumns.record, dataIndex: 'recordId' },
            { title: T.caseColumns.status, render: (_, c) => label(OBJECTION_STATUS_LABEL, c.status) },
            { title: T.caseColumns.step, render: (_, c) => label(STEP_LABEL, c.currentStep) },
            { title: T.caseColumns.due, render: (_, c) => dateTime(c.dueAt) },
            { title: T.caseColumns.outcome, render: (_, c) => label(OUTCOME_LABEL, c.outcome) },
          ]}
        />
      </Card>
    </Flex>
  );
}
