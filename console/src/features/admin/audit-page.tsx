import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { dateTime } from '../../lib/dates';
import { count } from '../../lib/format';
import { CASE_TYPE_LABEL, casePath, EVENT_LABEL, label, ROLE_LABEL } from '../../lib/labels';
import { usePeople } from '../../lib/people';
import { ADMIN_TEXT } from './texts';

const T = ADMIN_TEXT.audit;
interface Filters {
  caseId?: string;
  actorId?: string;
  type?: string;
  caseType?: string;
}

/** The audit log (GET /audit/events), with a check of the hash chain (GET /audit/verify) for one case or all. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [form] = Form.useForm<Filters>();
  const events = useQuery({
    queryKey: ['audit-events', filters, page],
    queryFn: () => must(api.GET('/audit/events', { params: { query: { ...filters, page, pageSize: 50 } } })),
  });
  const people = usePeople((events.data?.items ?? []).map((e) => e.actorId));
  const verify = useMutation({ mutationFn: (caseId?: string) => must(api.GET('/audit/verify', { params: { query: caseId ? { caseId } : {} } })) });
  const v = verify.data;
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.title}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{T.subtitle}</Typography.Paragraph>
      <Form<Filters>
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        aria-label={T.search}
        onFinish={(values) => {
          setPage(1);
          setFilters(Object.fromEntries(Object.entries(values).filter(([, x]) => typeof x === 'string' && x.trim() !== '').map(([k, x]) => [k, (x as string).trim()])));
        }}
      >
        <Form.Item label={T.caseId} name="caseId">
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label={T.actorId} name="actorId">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={T.caseType} name="caseType">
          <Select allowClear style={{ width: 130 }} options={Object.entries(CASE_TYPE_LABEL).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item label={T.type} name="type">
          <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} options={Object.entries(EVENT_LABEL).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">{T.search}</Button>
        <Button onClick={() => { form.resetFields(); setFilters({}); setPage(1); }}>{T.reset}</Button>
      </Form>
      <Flex gap={12} style={{ marginBottom: 16 }} wrap>
        <Button onClick={() => verify.mutate(filters.caseId)} loading={verify.isPending}>
          {filters.caseId ? T.verifyCase : T.verify}
        </Button>
        {verify.isError && <Alert type="error" title={problemText(verify.error)} />}
        {v && (
          <Alert
            role="status"
            type={v.ok ? 'success' : 'error'}
            showIcon
            title={v.ok ? T.verifyOk(v.checked) : T.verifyBroken(v.firstBroken?.caseId ?? '—', v.firstBroken?.reason ?? '')}
            description={v.checkpoint ? T.checkpoint(v.checkpoint.ok, dateTime(v.checkpoint.createdAt)) : undefined}
          />
        )}
      </Flex>
      {events.isError && <Alert type="error" title={problemText(events.error)} />}
      <Table
        rowKey="id"
        size="small"
        loading={events.isPending}
        dataSource={events.data?.items ?? []}
        pagination={{ current: page, pageSize: 50, total: events.data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${count(n)} 条`, onChange: setPage }}
        columns={[
          { title: T.columns.time, render: (_, e) => dateTime(e.occurredAt) },
          { title: T.columns.caseType, render: (_, e) => label(CASE_TYPE_LABEL, e.caseType) },
          { title: T.columns.caseId, render: (_, e) => (CASE_TYPE_LABEL[e.caseType] ? <Link to={casePath(e.caseType, e.caseId)}>{e.caseId}</Link> : e.caseId) },
          { title: T.columns.type, render: (_, e) => label(EVENT_LABEL, e.type) },
          { title: T.columns.actor, render: (_, e) => (e.actorId === 'system' ? '系统' : `${people.name(e.actorId)}（${label(ROLE_LABEL, e.actorRole)}）`) },
          { title: T.columns.reason, dataIndex: 'reason', ellipsis: true },
          { title: T.columns.hash, render: (_, e) => <Typography.Text code>{e.hash?.slice(0, 12) ?? '—'}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
