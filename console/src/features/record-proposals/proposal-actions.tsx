import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { PROPOSAL_TEXT as T } from './texts';

type Verb = 'confirm' | 'reject';

/**
 * 确认 / 驳回 of a proposed record, each in a modal with its reasons; the API's refusal (the one who made the finding
 * cannot decide, a proposal decided meanwhile) stays in the modal in Chinese.
 */
export function ProposalActions({ proposalId }: { proposalId: string }) {
  const [verb, setVerb] = useState<Verb | null>(null);
  const [form] = Form.useForm<{ documentNumber?: string; reasons?: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const path = { params: { path: { proposalId } } };
  const send = useMutation({
    mutationFn: (v: { documentNumber?: string; reasons?: string }) => {
      const reasons = v.reasons?.trim();
      if (verb === 'reject') return must(api.POST('/record-proposals/{proposalId}/reject', { ...path, body: { reasons: reasons ?? '' } }));
      const documentNumber = v.documentNumber?.trim();
      return must(api.POST('/record-proposals/{proposalId}/confirm', { ...path, body: { ...(documentNumber ? { documentNumber } : {}), ...(reasons ? { reasons } : {}) } }));
    },
    onSuccess: async () => {
      message.success(verb === 'reject' ? T.rejected : T.confirmed);
      form.resetFields();
      setVerb(null);
      await queryClient.invalidateQueries();
    },
  });
  const close = () => {
    send.reset();
    setVerb(null);
  };
  const title = verb === 'reject' ? T.rejectTitle(proposalId) : T.confirmTitle(proposalId);
  return (
    <>
      <Space>
        <Button size="small" type="primary" onClick={() => setVerb('confirm')} aria-label={`${T.confirm} ${proposalId}`}>{T.confirm}</Button>
        <Button size="small" danger onClick={() => setVerb('reject')} aria-label={`${T.reject} ${proposalId}`}>{T.reject}</Button>
      </Space>
      <Modal open={verb !== null} title={title} okText={verb === 'reject' ? T.reject : T.confirm} cancelText={T.cancel} confirmLoading={send.isPending} onOk={() => form.submit()} onCancel={close} destroyOnHidden>
        <Flex vertical gap={12}>
          {send.isError && <Alert role="alert" type="error" showIcon title={problemText(send.error)} />}
          <Form form={form} layout="vertical" aria-label={title} onFinish={(v) => send.mutate(v)}>
            {verb === 'confirm' && (
              <Form.Item label={T.documentNumber} name="documentNumber" rules={[{ max: 100 }]}>
                <Input maxLength={100} />
              </Form.Item>
            )}
            <Form.Item label={verb === 'reject' ? T.rejectReasons : T.confirmReasons} name="reasons"
              rules={verb === 'reject' ? [{ required: true, whitespace: true, message: T.reasonsRequired }, { max: 5000 }] : [{ max: 5000 }]}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          </Form>
        </Flex>
      </Modal>
    </>
  );
}
