import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { date } from '../../lib/dates';
import { COMMITMENT_KIND_LABEL, COMMITMENT_STATUS_LABEL, label, POLICY_AREA_LABEL } from '../../lib/labels';
import { AuthorityInput } from '../case-common/authorities';
import { COMMITMENT_TEXT as T } from './texts';

type Kind = 'SERVICE_QUALITY' | 'TIME_LIMIT' | 'GUARANTEE' | 'TOWNSHIP_PUBLIC';
type Area = 'GOVERNMENT_PROCUREMENT' | 'PUBLIC_PRIVATE_PARTNERSHIP' | 'BIDDING' | 'INVESTMENT_PROMOTION' | 'LOCAL_GOVERNMENT_DEBT' | 'STREET_TOWNSHIP_COMMITMENT';
/** The six key areas a commitment may name (the API's enum; complaints have two more). */
const AREAS: Area[] = ['GOVERNMENT_PROCUREMENT', 'PUBLIC_PRIVATE_PARTNERSHIP', 'BIDDING', 'INVESTMENT_PROMOTION', 'LOCAL_GOVERNMENT_DEBT', 'STREET_TOWNSHIP_COMMITMENT'];

interface RegisterForm {
  kind: Kind;
  promise: string;
  publicConcerned: string;
  policyArea: Area;
  authorityId: string;
  dueDate: Dayjs;
  recurring?: boolean;
  everyMonths?: number;
  endsOn?: Dayjs;
}

interface CommitmentRow {
  id: string;
  kind: string;
  promise?: string;
  policyArea: string;
  dueDate: string;
  status: string;
  recordProposalId: string | null;
}

const required = (message: string, max?: number) => [{ required: true, whitespace: true, message }, ...(max ? [{ max }] : [])];

/** 登记承诺: the body's public commitment (kind, promise, public concerned, area, due date, optional recurring check). */
function RegisterCommitment({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RegisterForm>();
  const recurring = Form.useWatch('recurring', form) ?? false;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const register = useMutation({
    mutationFn: (v: RegisterForm) =>
      must(
        api.POST('/commitments', {
          body: {
            kind: v.kind,
            promise: v.promise.trim(),
            publicConcerned: v.publicConcerned.trim(),
            policyArea: v.policyArea,
            authorityId: v.authorityId.trim(),
            dueDate: v.dueDate.format('YYYY-MM-DD'),
            ...(v.recurring && v.everyMonths && v.endsOn ? { recurrence: { everyMonths: v.everyMonths, endsOn: v.endsOn.format('YYYY-MM-DD') } } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      message.success(T.registered);
      form.resetFields();
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['commitments'] });
    },
  });
  return (
    <Modal open={open} title={T.registerTitle} okText={T.submit} cancelText={T.cancel} confirmLoading={register.isPending} onOk={() => form.submit()} onCancel={() => { register.reset(); onClose(); }} destroyOnHidden width={720}>
      {register.isError && <Alert role="alert" type="error" showIcon title={problemText(register.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" aria-label={T.registerTitle} onFinish={(v) => register.mutate(v)}>
        <Form.Item label={T.kind} name="kind" rules={[{ required: true, message: T.kindRequired }]}>
          <Select options={Object.entries(COMMITMENT_KIND_LABEL).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item label={T.promise} name="promise" rules={required(T.textRequired, 5000)}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label={T.publicConcerned} name="publicConcerned" rules={required(T.textRequired, 500)}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item label={T.policyArea} name="policyArea" rules={[{ required: true, message: T.policyAreaRequired }]}>
          <Select options={AREAS.map((value) => ({ value, label: label(POLICY_AREA_LABEL, value) }))} />
        </Form.Item>
        <Form.Item label={T.authorityId} name="authorityId" rules={required(T.authorityRequired, 64)}>
          <AuthorityInput maxLength={64} />
        </Form.Item>
        <Form.Item label={T.dueDate} name="dueDate" rules={[{ required: true, message: T.dueDateRequired }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="recurring" valuePropName="checked">
          <Checkbox>{T.recurring}</Checkbox>
        </Form.Item>
        {recurring && (
          <Flex gap={24} wrap>
            <Form.Item label={T.everyMonths} name="everyMonths" rules={[{ required: true, type: 'integer', min: 1, max: 24, message: T.everyMonthsRequired }]}>
              <InputNumber min={1} max={24} precision={0} />
            </Form.Item>
            <Form.Item label={T.endsOn} name="endsOn" rules={[{ required: true, message: T.endsOnRequired }]}>
              <DatePicker />
            </Form.Item>
          </Flex>
        )}
      </Form>
    </Modal>
  );
}

/** 我的承诺: the body's commitments (the API answers only those in the caller's scope), and 登记承诺. */
export function MyCommitmentsPage() {
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState(false);
  const list = useQuery({
    queryKey: ['commitments', page],
    queryFn: () => must(api.GET('/commitments', { params: { query: { page, pageSize: 20 } } })),
  });
  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{T.listTitle}</Typography.Title>}
      extra={<Button type="primary" onClick={() => setRegistering(true)}>{T.register}</Button>}
    >
      {list.isError && <Alert role="alert" type="error" showIcon title={problemText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<CommitmentRow>
        rowKey="id"
        loading={list.isPending}
        dataSource={(list.data?.items ?? []) as CommitmentRow[]}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: T.columns.id, render: (_, c) => <Link to={`/commitments/${encodeURIComponent(c.id)}`}>{c.id}</Link> },
          { title: T.columns.kind, render: (_, c) => label(COMMITMENT_KIND_LABEL, c.kind) },
          { title: T.columns.promise, render: (_, c) => <Typography.Text ellipsis style={{ maxWidth: 320 }}>{c.promise ?? '—'}</Typography.Text> },
          { title: T.columns.area, render: (_, c) => label(POLICY_AREA_LABEL, c.policyArea) },
          { title: T.columns.due, render: (_, c) => date(c.dueDate) },
          { title: T.columns.status, render: (_, c) => label(COMMITMENT_STATUS_LABEL, c.status) },
          { title: T.columns.proposal, render: (_, c) => c.recordProposalId ?? '—' },
        ]}
      />
      <RegisterCommitment open={registering} onClose={() => setRegistering(false)} />
    </Card>
  );
}
