import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type Key } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useOutletContext, useSearchParams } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { count } from '../../lib/format';
import { CASE_TYPE_LABEL, casePath, label, STATUS_LABEL_OF, STEP_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import type { SessionActor } from '../../session/use-session';
import { HandOffModal } from '../case-common/step-hand-off';
import { BulkActions, bulkItemsOf } from './bulk-actions';
import { INBOX_TEXT as T } from './texts';

type Scope = 'actionable' | 'mine' | 'claimable' | 'all' | 'urgeable';
type CaseType = 'OBJECTION' | 'RECTIFICATION' | 'REPAIR' | 'COMPLAINT' | 'COMMITMENT';
const FILTER_KEYS = ['caseType', 'status', 'overdue', 'escalated', 'open', 'authorityId', 'openedFrom', 'openedBefore', 'closedFrom', 'closedBefore', 'q'] as const;

function scopesFor(role: SessionActor['role']): { value: Scope; label: string }[] {
  if (role === 'APPLICANT') return (['actionable', 'all'] as const).map((value) => ({ value, label: T.scopes[value]! }));
  if (role === 'ADMIN') return [{ value: 'actionable', label: T.adminActionable }, { value: 'all', label: T.scopes.all! }];
  if (role === 'SUPERVISOR') return (['actionable', 'mine', 'claimable', 'urgeable', 'all'] as const).map((value) => ({ value, label: T.scopes[value]! }));
  return (['actionable', 'mine', 'claimable', 'all'] as const).map((value) => ({ value, label: T.scopes[value]! }));
}

const shortDate = (iso: string | null) => (iso ? dateTime(iso).slice(0, 10) : '…');

/**
 * The unified inbox: the signed-in person's work across objections, repairs and rectifications (GET /work-items,
 * scoped by the API), with filters in the address so the dashboard's charts can link to the list behind a number.
 */
export function InboxPage() {
  const actor = useOutletContext<SessionActor>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') as Scope | null) ?? 'actionable';
  const page = Number(params.get('page') ?? '1') || 1;
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined]).filter(([, v]) => v !== undefined));
  const caseType = params.get('caseType') as CaseType | null;
  const [selected, setSelected] = useState<Key[]>([]);
  const [urging, setUrging] = useState<{ caseType: CaseType; id: string } | null>(null);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setSelected([]);
    setParams(next);
  };

  const items = useQuery({
    queryKey: ['work-items', scope, page, filters],
    queryFn: () => must(api.GET('/work-items', { params: { query: { scope, page, pageSize: 20, ...filters } as never } })),
  });
  const people = usePeople((items.data?.items ?? []).map((i) => i.claimedById));
  const claim = useMutation({
    mutationFn: async ({ caseType: type, id, release }: { caseType: string; id: string; release: boolean }): Promise<unknown> => {
      const verb = release ? 'release' : 'claim';
      if (type === 'REPAIR') return must(api.POST(`/repairs/{applicationId}/${verb}` as '/repairs/{applicationId}/claim', { params: { path: { applicationId: id } }, body: {} }));
      if (type === 'RECTIFICATION') return must(api.POST(`/rectifications/{rectificationId}/${verb}` as '/rectifications/{rectificationId}/claim', { params: { path: { rectificationId: id } }, body: {} }));
      if (type === 'COMMITMENT') return must(api.POST(`/commitments/{commitmentId}/${verb}` as '/commitments/{commitmentId}/claim', { params: { path: { commitmentId: id } }, body: {} }));
      if (type === 'COMPLAINT') return must(api.POST(`/complaints/{complaintId}/${verb}` as '/complaints/{complaintId}/claim', { params: { path: { complaintId: id } }, body: {} }));
      return must(api.POST(`/objections/{caseId}/${verb}` as '/objections/{caseId}/claim', { params: { path: { caseId: id } }, body: {} }));
    },
    onSuccess: async (_d, { release }) => {
      message.success(release ? T.released : T.claimed);
      await queryClient.invalidateQueries();
    },
    onError: (err) => message.error(problemText(err)),
  });

  const isStaff = actor.role === 'REVIEWER' || actor.role === 'SUPERVISOR';
  const canSelect = isStaff || actor.role === 'ADMIN';
  const statusOptions = Object.entries(caseType ? STATUS_LABEL_OF[caseType]! : Object.assign({}, ...Object.values(STATUS_LABEL_OF))).map(([value, text]) => ({ value, label: text }));
  const drill = [
    params.get('openedFrom') || params.get('openedBefore') ? T.filters.openedRange(shortDate(params.get('openedFrom')), shortDate(params.get('openedBefore'))) : null,
    params.get('closedFrom') || params.get('closedBefore') ? T.filters.closedRange(shortDate(params.get('closedFrom')), shortDate(params.get('closedBefore'))) : null,
    params.get('authorityId') ? T.filters.authority(params.get('authorityId')!) : null,
    params.get('open') === 'true' ? T.filters.open : params.get('open') === 'false' ? T.filters.closed : null,
  ].filter(Boolean);

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{T.subtitle}</Typography.Paragraph>
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Segmented<Scope> aria-label={T.title} options={scopesFor(actor.role)} value={scope} onChange={(value) => update({ scope: value })} />
        <Flex gap={12} wrap align="center">
          <Select<CaseType>
            aria-label={T.filters.caseType}
            placeholder={T.filters.caseType}
            allowClear
            style={{ width: 140 }}
            value={caseType ?? undefined}
            options={Object.entries(CASE_TYPE_LABEL).map(([value, text]) => ({ value: value as CaseType, label: text }))}
            onChange={(value) => update({ caseType: value, status: undefined })}
          />
          <Select
            aria-label={T.filters.status}
            placeholder={T.filters.status}
            allowClear
            style={{ width: 180 }}
            value={params.get('status') ?? undefined}
            options={statusOptions}
            onChange={(value: string | undefined) => update({ status: value })}
          />
          <Checkbox checked={params.get('overdue') === 'true'} onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}>
            {T.filters.overdue}
          </Checkbox>
          <Checkbox checked={params.get('escalated') === 'true'} onChange={(e) => update({ escalated: e.target.checked ? 'true' : undefined })}>
            {T.filters.escalated}
          </Checkbox>
          <Input.Search
            aria-label={T.filters.search}
            placeholder={T.filters.search}
            allowClear
            defaultValue={params.get('q') ?? ''}
            style={{ width: 420, maxWidth: '100%' }}
            onSearch={(value) => update({ q: value.trim() || undefined })}
          />
        </Flex>
        {drill.length > 0 && (
          <Space wrap>
            {drill.map((text) => (
              <Tag key={text} color="blue">{text}</Tag>
            ))}
            <Button size="small" onClick={() => setParams(new URLSearchParams({ scope }))}>{T.filters.clear}</Button>
          </Space>
        )}
      </Flex>
      {items.isError && <Alert type="error" title={problemText(items.error)} />}
      {canSelect && (
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          <BulkActions actor={actor} items={bulkItemsOf(selected)} onDone={() => setSelected([])} />
        </Flex>
      )}
      {urging && <HandOffModal kind="urge" caseType={urging.caseType} caseId={urging.id} onClose={() => setUrging(null)} />}
      <Table
        rowKey={(c) => `${c.caseType}:${c.id}`}
        rowSelection={
          canSelect
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys),
                // Only open staff steps can be claimed or reassigned.
                getCheckboxProps: (c) => ({ disabled: !!c.closedAt || !c.currentStep || c.assigneeRole === 'APPLICANT', 'aria-label': T.bulk.select(c.id) }),
              }
            : undefined
        }
        loading={items.isPending}
        dataSource={items.data?.items ?? []}
        locale={{ emptyText: T.empty }}
        onRow={(c) => (c.overdue ? { style: { background: '#fff1f0' } } : {})}
        pagination={{
          current: page,
          pageSize: 20,
          total: items.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => T.total(count(n)),
          onChange: (p) => update({ page: String(p) }),
        }}
        columns={[
          { title: T.columns.type, render: (_, c) => <Tag>{label(CASE_TYPE_LABEL, c.caseType)}</Tag> },
          { title: T.columns.id, render: (_, c) => <Link to={casePath(c.caseType, c.id)}>{c.id}</Link> },
          {
            title: T.columns.subject,
            render: (_, c) => (
              <div>
                <div>{c.subjectName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.documentNumber}</Typography.Text>
              </div>
            ),
          },
          { title: T.columns.status, render: (_, c) => label(STATUS_LABEL_OF[c.caseType] ?? {}, c.status) },
          { title: T.columns.step, render: (_, c) => label(STEP_LABEL, c.currentStep) },
          {
            title: T.columns.due,
            render: (_, c) => (
              <Space wrap>
                {dateTime(c.dueAt)}
                {c.overdue && <Tag color="red">{T.overdue}</Tag>}
                {c.escalated && <Tag color="volcano">{T.escalated}</Tag>}
                {c.clockPaused && <Tag color="blue">{T.paused}</Tag>}
              </Space>
            ),
          },
          {
            title: T.columns.claim,
            render: (_, c) =>
              !c.currentStep || c.closedAt ? '—' : c.assigneeRole === 'APPLICANT' ? T.applicantStep : c.claimedById === actor.id ? (
                <Tag color="blue">{T.mine}</Tag>
              ) : c.claimedById && scope === 'mine' ? (
                // In 我已认领 a step held by someone else is one the caller delegated (委派): it comes back to them.
                T.delegatedTo(people.name(c.claimedById))
              ) : c.claimedById ? (
                people.name(c.claimedById)
              ) : (
                T.unclaimed
              ),
          },
          {
            title: T.columns.actions,
            render: (_, c) => {
              const staffStep = !c.closedAt && c.currentStep && c.assigneeRole !== 'APPLICANT';
              return (
                <Space>
                  {isStaff && staffStep && !c.claimedById && (
                    <Button size="small" onClick={() => claim.mutate({ caseType: c.caseType, id: c.id, release: false })} aria-label={`${T.claim} ${c.id}`}>
                      {T.claim}
                    </Button>
                  )}
                  {staffStep && (c.claimedById === actor.id || (actor.role !== 'APPLICANT' && actor.role !== 'REVIEWER' && c.claimedById)) && (
                    <Button size="small" onClick={() => claim.mutate({ caseType: c.caseType, id: c.id, release: true })} aria-label={`${T.release} ${c.id}`}>
                      {T.release}
                    </Button>
                  )}
                  {actor.role === 'SUPERVISOR' && c.overdue && staffStep && c.claimedById !== actor.id && (
                    <Button size="small" danger onClick={() => setUrging({ caseType: c.caseType, id: c.id })} aria-label={`${T.urge} ${c.id}`}>
                      {T.urge}
                    </Button>
                  )}
                  <Button size="small" type="link" onClick={() => void navigate(casePath(c.caseType, c.id))} aria-label={`${T.open} ${c.id}`}>
                    {T.open}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
