import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState, type Key } from 'react';
import { ApiError, api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { label, ROLE_LABEL } from '../../lib/labels';
import type { SessionActor } from '../../session/use-session';
import { getColleagues, type CaseType } from '../case-common/step-hand-off-api';
import { INBOX_TEXT } from './texts';

const T = INBOX_TEXT.bulk;

export interface BulkItem {
  caseType: CaseType;
  caseId: string;
}
type BulkResult = { caseType: string; caseId: string; status: number; problem?: { detail: string; status: number; title: string; type: string } }[];

/** The keys of the inbox's rows ("OBJECTION:obj-1") as the API's bulk items. */
export function bulkItemsOf(keys: readonly Key[]): BulkItem[] {
  return keys.map((key) => {
    const [caseType, ...rest] = String(key).split(':');
    return { caseType: caseType as CaseType, caseId: rest.join(':') };
  });
}

/**
 * Bulk claim (staff) and bulk reassignment (administrators) of the selected rows, and the result of each case as the
 * API answered it: one refusal does not stop the others, and its reason is shown in Chinese.
 */
export function BulkActions({ actor, items, onDone }: { actor: SessionActor; items: BulkItem[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [results, setResults] = useState<BulkResult | null>(null);
  const [reassigning, setReassigning] = useState(false);
  const [form] = Form.useForm<{ assigneeId: string; reason?: string }>();
  const first = items[0];
  const colleagues = useQuery({
    queryKey: ['colleagues', first?.caseType, first?.caseId],
    queryFn: () => getColleagues(first!.caseType, first!.caseId),
    enabled: reassigning && !!first,
  });
  const bulk = useMutation({
    mutationFn: (call: () => Promise<BulkResult>) => call(),
    onSuccess: async (answer) => {
      setResults(answer);
      setReassigning(false);
      form.resetFields();
      onDone();
      await queryClient.invalidateQueries();
    },
  });
  const isStaff = actor.role === 'REVIEWER' || actor.role === 'SUPERVISOR';
  const failed = results?.filter((r) => r.status >= 300).length ?? 0;
  return (
    <>
      {items.length > 0 && (
        <Space wrap>
          <Typography.Text>{T.selected(items.length)}</Typography.Text>
          {isStaff && (
            <Button type="primary" loading={bulk.isPending} onClick={() => bulk.mutate(() => must(api.POST('/work-items/claims', { body: { items } })) as Promise<BulkResult>)}>
              {T.claim}
            </Button>
          )}
          {actor.role === 'ADMIN' && <Button onClick={() => setReassigning(true)}>{T.reassign}</Button>}
          <Button type="link" onClick={onDone}>{T.clear}</Button>
        </Space>
      )}
      {bulk.isError && <Alert role="alert" type="error" showIcon title={problemText(bulk.error)} />}
      {results && (
        <Alert
          role="status"
          type={failed ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setResults(null)}
          title={T.resultTitle(results.length - failed, failed)}
          description={
            <List
              size="small"
              dataSource={results}
              renderItem={(r) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text code>{r.caseId}</Typography.Text>
                    {r.status < 300 ? <Tag color="green">{T.succeeded}</Tag> : <Tag color="red">{problemText(new ApiError({ ...r.problem, status: r.status }))}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      )}
      <Modal open={reassigning} title={T.reassignTitle} okText={T.ok} cancelText={T.cancel} confirmLoading={bulk.isPending} onOk={() => form.submit()} onCancel={() => setReassigning(false)} destroyOnHidden>
        <Form
          form={form}
          name="bulk-reassign"
          layout="vertical"
          aria-label={T.reassignTitle}
          onFinish={(v) => bulk.mutate(() => must(api.POST('/work-items/assignments', { body: { items, assigneeId: v.assigneeId, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) } })) as Promise<BulkResult>)}
        >
          <Form.Item label={T.assignee} name="assigneeId" extra={T.assigneeHint} rules={[{ required: true, message: T.assigneeRequired }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={colleagues.isPending}
              options={(colleagues.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${label(ROLE_LABEL, u.role)}${u.organization ? ` · ${u.organization}` : ''}）` }))}
            />
          </Form.Item>
          <Form.Item label={T.reason} name="reason" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
