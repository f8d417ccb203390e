import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { problemText } from '../../api/problem-text';
import { label, ROLE_LABEL } from '../../lib/labels';
import type { People } from '../../lib/people';
import type { SessionActor } from '../../session/use-session';
import { delegatorOf, getColleagues, postHandOff, postUrge, type CaseType } from './step-hand-off-api';
import { HAND_OFF_TEXT as T } from './texts';

type Kind = 'handover' | 'delegation' | 'delegation/return' | 'urge';

const TITLE: Record<Kind, string> = { handover: T.handOverTitle, delegation: T.delegateTitle, 'delegation/return': T.returnTitle, urge: T.urgeTitle };
const BUTTON: Record<Kind, string> = { handover: T.handOver, delegation: T.delegate, 'delegation/return': T.returnStep, urge: T.urge };
const DONE: Record<Kind, string> = { handover: T.handedOver, delegation: T.delegated, 'delegation/return': T.returned, urge: T.urged };

/**
 * The form of one hand-off in a modal: the colleague (转办, 委派) from the people who may take the step, and the
 * required note. A refusal stays in the modal with the API's reason in Chinese.
 */
export function HandOffModal({ kind, caseType, caseId, onClose }: { kind: Kind | null; caseType: CaseType; caseId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ colleagueId?: string; note: string }>();
  const needsColleague = kind === 'handover' || kind === 'delegation';
  const colleagues = useQuery({
    queryKey: ['colleagues', caseType, caseId],
    queryFn: () => getColleagues(caseType, caseId),
    enabled: needsColleague,
  });
  const send = useMutation({
    mutationFn: async (v: { colleagueId?: string; note: string }) =>
      kind === 'urge' ? postUrge(caseType, caseId, v.note.trim()) : postHandOff(caseType, caseId, kind!, { ...(needsColleague ? { colleagueId: v.colleagueId } : {}), note: v.note.trim() }),
    onSuccess: async () => {
      message.success(DONE[kind!]);
      form.resetFields();
      onClose();
      await queryClient.invalidateQueries();
    },
  });
  return (
    <Modal
      open={kind !== null}
      title={kind ? TITLE[kind] : ''}
      okText={kind ? BUTTON[kind] : ''}
      cancelText={T.cancel}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        send.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        {send.isError && <Alert role="alert" type="error" showIcon title={problemText(send.error)} />}
        <Form form={form} name="hand-off" layout="vertical" onFinish={(v) => send.mutate(v)} aria-label={kind ? TITLE[kind] : ''}>
          {needsColleague && (
            <Form.Item label={T.colleague} name="colleagueId" extra={T.colleagueHint} rules={[{ required: true, message: T.colleagueRequired }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={colleagues.isPending}
                notFoundContent={T.noColleague}
                options={(colleagues.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name}（${label(ROLE_LABEL, u.role)}）` }))}
              />
            </Form.Item>
          )}
          <Form.Item label={T.note} name="note" rules={[{ required: true, whitespace: true, message: T.noteRequired }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

export interface HandOffCase {
  currentStep: string | null;
  assigneeRole: string | null;
  claimedById: string | null;
  overdue: boolean;
  closedAt?: string | null;
  timeline?: readonly { type: string; data?: unknown }[];
}

/** 转办 / 委派 by the claimer, the return of a delegated step by the delegate, 催办 by a supervisor on an overdue step. */
export function StepHandOff({ actor, caseType, caseId, c, people }: { actor: SessionActor; caseType: CaseType; caseId: string; c: HandOffCase; people: People }) {
  const [kind, setKind] = useState<Kind | null>(null);
  const staffStep = !c.closedAt && c.currentStep !== null && c.assigneeRole !== 'APPLICANT';
  if (!staffStep) return null;
  const delegator = delegatorOf(c.timeline ?? []);
  const holder = c.claimedById !== null && c.claimedById === actor.id;
  const canUrge = actor.role === 'SUPERVISOR' && c.overdue && !holder;
  const buttons: Kind[] = [...(holder && !delegator ? (['handover', 'delegation'] as const) : []), ...(holder && delegator ? (['delegation/return'] as const) : []), ...(canUrge ? (['urge'] as const) : [])];
  const note = delegator ? (holder ? T.delegatedToMe(people.full(delegator)) : T.delegatedBy(people.full(c.claimedById), people.full(delegator))) : null;
  if (buttons.length === 0 && !note) return null;
  return (
    <Card title={T.title}>
      <Flex vertical gap={12}>
        {note && <Alert type="info" showIcon title={note} />}
        {canUrge && <Typography.Text type="secondary">{T.overdueHint}</Typography.Text>}
        {buttons.length > 0 && (
          <Space>
            {buttons.map((k) => (
              <Button key={k} onClick={() => setKind(k)}>
                {BUTTON[k]}
              </Button>
            ))}
          </Space>
        )}
      </Flex>
      <HandOffModal kind={kind} caseType={caseType} caseId={caseId} onClose={() => setKind(null)} />
    </Card>
  );
}
