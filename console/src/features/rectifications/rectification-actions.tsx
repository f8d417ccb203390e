import { Alert, Button, Card, Flex, Form, Input, InputNumber, Radio } from 'antd';
import { api, must } from '../../api/client';
import { uploadEvidence } from '../../api/upload';
import type { SessionActor } from '../../session/use-session';
import { ClaimButtons } from '../case-common/claim-buttons';
import { ProgressForms } from '../case-common/progress-forms';
import { CASE_COMMON_TEXT as C } from '../case-common/texts';
import { useCaseAction } from '../case-common/use-case-action';
import { RECTIFICATION_TEXT as T } from './texts';

const STAFF = new Set(['REVIEWER', 'SUPERVISOR']);
const required = (max: number) => [{ required: true, whitespace: true, message: C.reasonRequired }, { max }];

interface RectificationSummary {
  id: string;
  subjectId: string;
  status: string;
  currentStep: string | null;
  assigneeRole: string | null;
  claimedById: string | null;
}


/** The actions the signed-in person may try on the rectification now; the API decides, and its refusal is shown in Chinese. */
export function RectificationActions({ actor, rectification }: { actor: SessionActor; rectification: RectificationSummary }) {
  const action = useCaseAction();
  const rectificationId = rectification.id;
  const path = { params: { path: { rectificationId } } };
  const isBody = actor.role === 'APPLICANT' && actor.subjectId === rectification.subjectId;
  const isStaff = STAFF.has(actor.role);
  const upload = (file: File) => uploadEvidence('rectification', rectificationId, file);

  const content = [
    isStaff && rectification.status === 'UNDER_REVIEW' && (
      <ClaimButtons
        key="claim"
        pending={action.pending}
        claimed={rectification.claimedById !== null}
        onClaim={() => action.run(C.claimed, () => must(api.POST('/rectifications/{rectificationId}/claim', { ...path, body: {} })))}
        onRelease={() => action.run(C.released, () => must(api.POST('/rectifications/{rectificationId}/release', { ...path, body: {} })))}
      />
    ),
    isBody && rectification.status === 'EXPLANATION_DUE' && (
      <Form<{ explanation: string; plan: string }> key="explanation" layout="vertical" style={{ maxWidth: 640 }} aria-label={T.explanationTitle}
        onFinish={(v) => action.run(T.explained, () => must(api.POST('/rectifications/{rectificationId}/explanation', { ...path, body: { explanation: v.explanation.trim(), plan: v.plan.trim() } })))}>
        <Form.Item label={T.explanation} name="explanation" rules={required(5000)}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item label={T.plan} name="plan" rules={required(5000)}>
          <Input.TextArea rows={3} maxLength={5000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.pending}>{T.submitExplanation}</Button>
      </Form>
    ),
    isBody && rectification.status === 'RECTIFYING' && (
      <ProgressForms key="rectifying" pending={action.pending} run={action.run} upload={upload} fileIds={{ progress: 'progress-file', done: 'completion-file' }}
        text={{ progressTitle: T.progressTitle, progressNote: T.progressNote, progressFile: T.progressFile, reportProgress: T.reportProgress, progressed: T.progressed,
          doneTitle: T.completionTitle, doneSummary: T.completionSummary, doneEvidenceTitle: T.completionEvidenceTitle, doneFile: T.completionFile, done: T.complete, doneMessage: T.completed }}
        postProgress={(body) => must(api.POST('/rectifications/{rectificationId}/progress', { ...path, body }))}
        postDone={(body) => must(api.POST('/rectifications/{rectificationId}/completion', { ...path, body }))} />
    ),
    isStaff && rectification.status === 'UNDER_REVIEW' && <ReviewForm key="review" pending={action.pending} onFinish={(body) => action.run(T.reviewed, () => must(api.POST('/rectifications/{rectificationId}/review', { ...path, body })))} />,
    actor.role === 'SUPERVISOR' && (rectification.status === 'RECTIFYING' || rectification.status === 'EXPLANATION_DUE') && (
      <Form<{ workingDays: number; reason: string }> key="extension" layout="vertical" style={{ maxWidth: 560 }} aria-label={T.extensionTitle}
        onFinish={(v) => action.run(T.extended, () => must(api.POST('/rectifications/{rectificationId}/extension', { ...path, body: { workingDays: v.workingDays, reason: v.reason.trim() } })))}>
        <Form.Item label={T.extensionDays} name="workingDays" rules={[{ required: true, type: 'integer', min: 1, max: 120, message: T.extensionDaysRequired }]}>
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
        <Form.Item label={T.extensionReason} name="reason" rules={required(2000)}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={action.pending}>{T.extend}</Button>
      </Form>
    ),
  ].filter(Boolean);

  if (content.length === 0) return null;
  return (
    <Card title={T.actions}>
      <Flex vertical gap={24}>
        {action.refusal && <Alert role="alert" type="error" showIcon title={C.refused} description={action.refusal} closable onClose={action.clearRefusal} />}
        {content}
      </Flex>
    </Card>
  );
}

/** Accept, or return with reasons and a new deadline (the API's rule: a deadline exactly when returned). */
function ReviewForm({ pending, onFinish }: { pending: boolean; onFinish: (body: { accept: boolean; reasons: string; newDeadlineWorkingDays?: number }) => void }) {
  const [form] = Form.useForm<{ result: 'accept' | 'return'; reasons: string; newDeadlineWorkingDays?: number }>();
  const result = Form.useWatch('result', form);
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 560 }} aria-label={T.reviewTitle}
      onFinish={(v) => onFinish({ accept: v.result === 'accept', reasons: v.reasons.trim(), newDeadlineWorkingDays: v.result === 'return' ? v.newDeadlineWorkingDays : undefined })}>
      <Form.Item label={T.reviewResult} name="result" rules={[{ required: true, message: T.reviewResultRequired }]}>
        <Radio.Group options={Object.entries(T.reviewOptions).map(([value, text]) => ({ value, label: text }))} />
      </Form.Item>
      <Form.Item label={T.reviewReasons} name="reasons" rules={required(5000)}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {result === 'return' && (
        <Form.Item label={T.newDeadline} name="newDeadlineWorkingDays" rules={[{ required: true, type: 'integer', min: 1, max: 250, message: T.newDeadlineRequired }]}>
          <InputNumber min={1} max={250} precision={0} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={pending}>{T.submitReview}</Button>
    </Form>
  );
}
