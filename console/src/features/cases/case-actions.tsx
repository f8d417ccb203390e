import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { ClaimButtons } from '../case-common/claim-buttons';
import { OUTCOME_LABEL } from '../../lib/labels';
import type { SessionActor } from '../../session/use-session';
import { CASE_TEXT as T } from './texts';

type Outcome = 'REJECT' | 'CORRECT' | 'SUPPLEMENT' | 'DELETE' | 'STOP_PUBLICATION';
interface DecisionForm {
  outcome: Outcome;
  reasons: string;
  changeField?: string;
  changeValue?: string;
}
export interface CaseSummary {
  id: string;
  status: string;
  currentStep: string | null;
  assigneeRole: string | null;
  claimedById: string | null;
  applicantId: string;
}

const STAFF = new Set(['REVIEWER', 'SUPERVISOR']);
const OPEN = new Set(['FILED', 'UNDER_VERIFICATION', 'REJECTED_REVIEWABLE', 'UNDER_SECOND_REVIEW']);

/** The actions the signed-in person may try on the case now; the API decides, and its refusal is shown in Chinese. */
export function CaseActions({ actor, objection }: { actor: SessionActor; objection: CaseSummary }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [refusal, setRefusal] = useState<string | null>(null);
  const caseId = objection.id;
  const path = { params: { path: { caseId } } };

  const action = useMutation({
    mutationFn: async ({ run }: { run: () => Promise<unknown>; done: string }) => run(),
    onMutate: () => setRefusal(null),
    onSuccess: async (_data, { done }) => {
      message.success(done);
      await queryClient.invalidateQueries();
    },
    onError: (err) => setRefusal(problemText(err)),
  });
  const run = (done: string, call: () => Promise<unknown>) => action.mutate({ run: call, done });

  const staffStep = STAFF.has(actor.role) && objection.currentStep !== null && objection.assigneeRole !== 'APPLICANT';
  const canDecide = STAFF.has(actor.role) && objection.status === 'UNDER_VERIFICATION';
  const isApplicant = actor.role === 'APPLICANT' && actor.id === objection.applicantId;

  const decide = (form: DecisionForm) => {
    const changes = form.changeField && form.changeValue !== undefined ? { [form.changeField]: numberOrText(form.changeValue) } : undefined;
    run(T.decided, () => must(api.POST('/objections/{caseId}/decision', { ...path, body: { outcome: form.outcome, reasons: form.reasons, changes } })));
  };

  return (
    <Card title={T.actions}>
      <Flex vertical gap={16}>
        {refusal && <Alert role="alert" type="error" showIcon title={T.refused} description={refusal} closable onClose={() => setRefusal(null)} />}
        {staffStep && (
          <ClaimButtons
            claimed={objection.claimedById !== null}
            pending={action.isPending}
            onClaim={() => run(T.claimed, () => must(api.POST('/objections/{caseId}/claim', { ...path, body: {} })))}
            onRelease={() => run(T.released, () => must(api.POST('/objections/{caseId}/release', { ...path, body: {} })))}
          />
        )}
        {STAFF.has(actor.role) && objection.status === 'FILED' && (
          <Flex gap={24} wrap>
            <Form<{ note?: string }>
              layout="vertical"
              style={{ minWidth: 280 }}
              onFinish={(form) => run(T.accepted, () => must(api.POST('/objections/{caseId}/accept', { ...path, body: form.note ? { note: form.note } : {} })))}
            >
              <Form.Item label={T.acceptNote} name="note" rules={[{ max: 2000 }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={action.isPending}>
                {T.accept}
              </Button>
            </Form>
            <Form<{ reason: string }>
              layout="vertical"
              style={{ minWidth: 280 }}
              onFinish={(form) => run(T.declined, () => must(api.POST('/objections/{caseId}/decline', { ...path, body: { reason: form.reason } })))}
            >
              <Form.Item label={T.declineReason} name="reason" rules={[{ required: true, message: T.declineReason }, { max: 2000 }]}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button danger htmlType="submit" loading={action.isPending}>
                {T.decline}
              </Button>
            </Form>
          </Flex>
        )}
        {canDecide && <DecisionFormView onFinish={decide} pending={action.isPending} />}
        {isApplicant && objection.status === 'REJECTED_REVIEWABLE' && (
          <Form<{ reason: string }> layout="vertical" style={{ maxWidth: 560 }} aria-label={T.requestSecondReview}
            onFinish={(v) => run(T.secondReviewRequested, () => must(api.POST('/objections/{caseId}/second-review', { ...path, body: { reason: v.reason.trim() } })))}>
            <Form.Item label={T.secondReviewReason} name="reason" rules={[{ required: true, whitespace: true, message: T.secondReviewReason }, { max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={action.isPending}>{T.requestSecondReview}</Button>
          </Form>
        )}
        {actor.role === 'SUPERVISOR' && objection.status === 'UNDER_SECOND_REVIEW' && (
          <SecondReviewForm pending={action.isPending} onFinish={(body) => run(T.secondReviewDecided, () => must(api.POST('/objections/{caseId}/second-review/decision', { ...path, body })))} />
        )}
        {actor.role === 'SUPERVISOR' && objection.status === 'UNDER_VERIFICATION' && (
          <Form<{ workingDays: number; reason: string }> layout="vertical" style={{ maxWidth: 560 }} aria-label={T.extend}
            onFinish={(v) => run(T.extended, () => must(api.POST('/objections/{caseId}/extension', { ...path, body: { workingDays: v.workingDays, reason: v.reason.trim() } })))}>
            <Form.Item label={T.extensionDays} name="workingDays" rules={[{ required: true, type: 'integer', min: 1, max: 60, message: T.extensionDaysRequired }]}>
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
            <Form.Item label={T.extensionReason} name="reason" rules={[{ required: true, whitespace: true, message: T.extensionReason }, { max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" loading={action.isPending}>{T.extend}</Button>
          </Form>
        )}
        {isApplicant && OPEN.has(objection.status) && (
          <Button danger onClick={() => run(T.withdrawn, () => must(api.POST('/objections/{caseId}/withdraw', { ...path, body: {} })))} loading={action.isPending}>
            {T.withdraw}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

function numberOrText(value: string): string | number {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

function DecisionFormView({ onFinish, pending }: { onFinish: (form: DecisionForm) => void; pending: boolean }) {
  const [form] = Form.useForm<DecisionForm>();
  const outcome = Form.useWatch('outcome', form);
  const needsChanges = outcome === 'CORRECT' || outcome === 'SUPPLEMENT';
  return (
    <Form<DecisionForm> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }} aria-label={T.decisionTitle}>
      <Form.Item label={T.outcome} name="outcome" rules={[{ required: true, message: T.outcomeRequired }]}>
        <Select options={Object.entries(OUTCOME_LABEL).map(([value, text]) => ({ value, label: text }))} />
      </Form.Item>
      <Form.Item label={T.reasons} name="reasons" rules={[{ required: true, message: T.reasonsRequired }, { max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {needsChanges && (
        <>
          <Form.Item label={T.changeField} name="changeField" rules={[{ required: true, message: T.changeRequired }]}>
            <Select options={Object.entries(T.recordFacts).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          <Form.Item label={T.changeValue} name="changeValue" rules={[{ required: true, message: T.changeRequired }, { max: 2000 }]}>
            <Input maxLength={2000} />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={pending}>
        {T.decide}
      </Button>
    </Form>
  );
}

/** Uphold the rejection, or change it to another outcome (the API requires the outcome exactly when changed). */
function SecondReviewForm({ pending, onFinish }: { pending: boolean; onFinish: (body: { upholdRejection: boolean; outcome?: Outcome; reasons: string }) => void }) {
  const [form] = Form.useForm<{ result: 'uphold' | 'change'; outcome?: Outcome; reasons: string }>();
  const result = Form.useWatch('result', form);
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} aria-label={T.secondReviewTitle}
      onFinish={(v) => onFinish({ upholdRejection: v.result === 'uphold', outcome: v.result === 'change' ? v.outcome : undefined, reasons: v.reasons.trim() })}>
      <Form.Item label={T.secondReviewResult} name="result" rules={[{ required: true, message: T.secondReviewResultRequired }]}>
        <Radio.Group options={Object.entries(T.secondReviewOptions).map(([value, text]) => ({ value, label: text }))} />
      </Form.Item>
      {result === 'change' && (
        <Form.Item label={T.secondReviewOutcome} name="outcome" rules={[{ required: true, message: T.outcomeRequired }]}>
          <Select options={Object.entries(OUTCOME_LABEL).filter(([value]) => value !== 'REJECT' && value !== 'CORRECT' && value !== 'SUPPLEMENT').map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
      )}
      <Form.Item label={T.secondReviewReasons} name="reasons" rules={[{ required: true, whitespace: true, message: T.reasonsRequired }, { max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>{T.decideSecondReview}</Button>
    </Form>
  );
}
