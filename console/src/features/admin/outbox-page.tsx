import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Segmented, Statistic, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { count } from '../../lib/format';
import { label } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import { ADMIN_TEXT } from './texts';

const T = ADMIN_TEXT.outbox;
type Status = 'PENDING' | 'DELIVERED' | 'DEAD';
const COLOR: Record<string, string> = { PENDING: 'gold', DELIVERED: 'green', DEAD: 'red' };

/** The notification outbox (GET /outbox/messages): counts by status, the messages without payloads, and a retry of a dead one. */
export function OutboxPage() {
  const [status, setStatus] = useState<Status | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const messages = useQuery({
    queryKey: ['outbox', status, page],
    queryFn: () => must(api.GET('/outbox/messages', { params: { query: { status: status === 'ALL' ? undefined : status, page, pageSize: 50 } } })),
  });
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const retry = useMutation({
    mutationFn: (id: string) => must(api.POST('/outbox/messages/{id}/retry', { params: { path: { id } } })),
    onSuccess: async (result) => {
      if (result.retried) message.success(T.retried);
      else message.info(T.notRetried);
      await queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
    onError: (err) => message.error(problemText(err)),
  });
  const people = usePeople((messages.data?.items ?? []).map((m) => m.recipientId));
  const counts = new Map((messages.data?.counts ?? []).map((c) => [c.status, c.count]));
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{T.subtitle}</Typography.Paragraph>
      <Flex gap={48} style={{ marginBottom: 16 }}>
        {(['PENDING', 'DELIVERED', 'DEAD'] as const).map((s) => (
          <Statistic key={s} title={T.statuses[s]} value={count(counts.get(s) ?? 0)} valueStyle={s === 'DEAD' && (counts.get(s) ?? 0) > 0 ? { color: '#cf1322' } : undefined} />
        ))}
      </Flex>
      <Segmented<Status | 'ALL'>
        aria-label={T.status}
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(s) => { setStatus(s); setPage(1); }}
        options={[{ value: 'ALL', label: T.all }, ...(['PENDING', 'DELIVERED', 'DEAD'] as const).map((s) => ({ value: s, label: T.statuses[s]! }))]}
      />
      {messages.isError && <Alert type="error" title={problemText(messages.error)} />}
      <Table
        rowKey="id"
        size="small"
        loading={messages.isPending}
        dataSource={messages.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: messages.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        columns={[
          { title: T.columns.createdAt, render: (_, m) => dateTime(m.createdAt) },
          { title: T.columns.topic, dataIndex: 'topic' },
          { title: T.columns.recipient, render: (_, m) => people.name(m.recipientId) },
          { title: T.columns.status, render: (_, m) => <Tag color={COLOR[m.status]}>{label(T.statuses, m.status)}</Tag> },
          { title: T.columns.attempts, dataIndex: 'attempts' },
          { title: T.columns.next, render: (_, m) => (m.status === 'PENDING' ? dateTime(m.nextAttemptAt) : '—') },
          { title: T.columns.error, dataIndex: 'lastError', ellipsis: true, render: (e: string | null) => e ?? '—' },
          { title: T.columns.delivered, render: (_, m) => dateTime(m.deliveredAt) },
          {
            title: T.columns.actions,
            render: (_, m) =>
              m.status === 'DEAD' ? (
                <Popconfirm title={T.retryConfirm} okText={T.retryOk} cancelText={T.retryCancel} onConfirm={() => retry.mutateAsync(m.id).catch(() => undefined)}>
                  <Button size="small" aria-label={T.retryLabel(m.topic)} loading={retry.isPending && retry.variables === m.id}>
                    {T.retry}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
