import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useOutletContext } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { label, OBJECTION_STATUS_LABEL, STEP_LABEL } from '../../lib/labels';
import type { SessionActor } from '../../session/use-session';
import { INBOX_TEXT as T } from './texts';

const STAFF_STEPS = new Set(['FILED', 'UNDER_VERIFICATION', 'UNDER_SECOND_REVIEW']);

/**
 * The staff inbox: the open objection steps of the reviewer's authority (the API scopes the list), soonest due
 * first; overdue rows are highlighted; claim and release in place.
 */
export function InboxPage() {
  const actor = useOutletContext<SessionActor>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const cases = useQuery({
    queryKey: ['objections', 'inbox'],
    queryFn: async () => {
      const pages = await Promise.all(
        [...STAFF_STEPS].map((status) =>
          must(api.GET('/objections', { params: { query: { status: status as 'FILED', pageSize: 100 } } })),
        ),
      );
      return pages.flatMap((p) => p.items).filter((c) => c.currentStep !== null && c.assigneeRole !== 'APPLICANT');
    },
  });
  const claim = useMutation({
    mutationFn: ({ caseId, release }: { caseId: string; release: boolean }) =>
      release
        ? must(api.POST('/objections/{caseId}/release', { params: { path: { caseId } }, body: {} }))
        : must(api.POST('/objections/{caseId}/claim', { params: { path: { caseId } }, body: {} })),
    onSuccess: async (_d, { release }) => {
      message.success(release ? T.released : T.claimed);
      await queryClient.invalidateQueries({ queryKey: ['objections'] });
    },
    onError: (err) => message.error(problemText(err)),
  });
  const isStaff = actor.role === 'REVIEWER' || actor.role === 'SUPERVISOR';
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{T.subtitle}</Typography.Paragraph>
      {cases.isError && <Alert type="error" title={problemText(cases.error)} />}
      <Table
        rowKey="id"
        loading={cases.isPending}
        dataSource={cases.data ?? []}
        locale={{ emptyText: T.empty }}
        onRow={(c) => (c.overdue ? { style: { background: '#fff1f0' } } : {})}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: T.columns.id, render: (_, c) => <Link to={`/cases/${c.id}`}>{c.id}</Link> },
          { title: T.columns.record, dataIndex: 'recordId' },
          { title: T.columns.status, render: (_, c) => label(OBJECTION_STATUS_LABEL, c.status) },
          { title: T.columns.step, render: (_, c) => label(STEP_LABEL, c.currentStep) },
          {
            title: T.columns.due,
            key: 'dueAt',
            defaultSortOrder: 'ascend',
            sorter: (a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'),
            render: (_, c) => (
              <Space>
                {dateTime(c.dueAt)}
                {c.overdue && <Tag color="red">{T.overdue}</Tag>}
                {c.escalated && <Tag color="volcano">{T.escalated}</Tag>}
              </Space>
            ),
          },
          {
            title: T.columns.claim,
            render: (_, c) => (c.claimedById === actor.id ? <Tag color="blue">{T.mine}</Tag> : c.claimedById ? T.claimedBy(c.claimedById) : T.unclaimed),
          },
          {
            title: T.columns.actions,
            render: (_, c) => (
              <Space>
                {isStaff && !c.claimedById && (
                  <Button size="small" onClick={() => claim.mutate({ caseId: c.id, release: false })} aria-label={`${T.claim} ${c.id}`}>
                    {T.claim}
                  </Button>
                )}
                {(c.claimedById === actor.id || (actor.role === 'ADMIN' && c.claimedById)) && (
                  <Button size="small" onClick={() => claim.mutate({ caseId: c.id, release: true })} aria-label={`${T.release} ${c.id}`}>
                    {T.release}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => void navigate(`/cases/${c.id}`)} aria-label={`${T.open} ${c.id}`}>
                  {T.open}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
