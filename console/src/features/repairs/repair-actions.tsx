import { Alert, Button, Card, Flex, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { uploadEvidence } from '../../api/upload';
import { MATERIAL_LABEL } from '../../lib/labels';
import type { SessionActor } from '../../session/use-session';
import { ClaimButtons } from '../case-common/claim-buttons';
import { CASE_COMMON_TEXT as C } from '../case-common/texts';
import { useCaseAction } from '../case-common/use-case-action';
import { MaterialsFields, uploadMaterials, type MaterialFiles } from './materials-fields';
import { requestedMaterials, type RepairView } from './repair-types';
import { REPAIR_TEXT as T } from './texts';

const STAFF = new Set(['REVIEWER', 'SUPERVISOR']);
const CLOSED = new Set(['APPROVED', 'REFUSED', 'NOT_ACCEPTED', 'WITHDRAWN', 'REVOKED', 'RECORD_ENDED']);
const reasonRules = (max: number) => [{ required: true, whitespace: true, message: C.reasonRequired }, { max }];

/** A small form with one text field and a button; the text is the action's reason. */
function ReasonForm({ field, textLabel, button, danger, pending, onFinish }: {
  field: string;
  textLabel: string;
  button: string;
  danger?: boolean;
  pending: boolean;
  onFinish: (text: string) => void;
}) {
  return (
    <Form<Record<string, string>> layout="vertical" style={{ minWidth: 280, flex: '1 1 280px' }} onFinish={(v) => onFinish(v[field]!.trim())} aria-label={button}>
      <Form.Item label={textLabel} name={field} rules={reasonRules(field === 'reasons' ? 5000 : 2000)}>
        <Input.TextArea rows={2} maxLength={field === 'reasons' ? 5000 : 2000} />
      </Form.Item>
      <Button danger={danger} type={danger ? 'default' : 'primary'} htmlType="submit" loading={pending}>
        {button}
      </Button>
    </Form>
  );
}

/** The actions the signed-in person may try on the repair now; the API decides, and its refusal is shown in Chinese. */
export function RepairActions({ actor, repair }: { actor: SessionActor; repair: RepairView }) {
  const action = useCaseAction();
  const [files, setFiles] = useState<MaterialFiles>({});
  const [noFiles, setNoFiles] = useState(false);
  const applicationId = repair.id;
  const path = { params: { path: { applicationId } } };
  const post = (suffix: 'acceptance' | 'correction-request' | 'refusal-to-accept' | 'review' | 'return' | 'decision' | 'extension' | 'revocation' | 'withdrawal' | 'materials' | 'claim' | 'release', body: object) =>
    // The body's shape is each action's schema; the API validates it and answers 400 with the fields at fault.
    must(api.POST(`/repairs/{applicationId}/${suffix}` as '/repairs/{applicationId}/acceptance', { ...path, body: body as never }));
  const isStaff = STAFF.has(actor.role);
  const isSupervisor = actor.role === 'SUPERVISOR';
  const isApplicant = actor.role === 'APPLICANT' && actor.subjectId === repair.subjectId;
  const open = !CLOSED.has(repair.status);
  const staffStep = isStaff && open && repair.currentStep !== null && repair.assigneeRole !== 'APPLICANT';
  const missing = requestedMaterials(repair);

  const content = [
    staffStep && (
      <ClaimButtons
        key="claim"
        pending={action.pending}
        claimed={repair.claimedById !== null}
        onClaim={() => action.run(C.claimed, () => post('claim', {}))}
        onRelease={() => action.run(C.released, () => post('release', {}))}
      />
    ),
    isStaff && repair.status === 'FILED' && (
      <Flex key="acceptance" gap={24} wrap>
        <Form<{ note?: string }> layout="vertical" style={{ minWidth: 280, flex: '1 1 280px' }} aria-label={T.accept}
          onFinish={(v) => action.run(T.accepted, () => post('acceptance', v.note ? { note: v.note } : {}))}>
          <Form.Item label={T.acceptNote} name="note" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.pending}>{T.accept}</Button>
        </Form>
        <Form<{ missing: string[]; reason: string }> layout="vertical" style={{ minWidth: 280, flex: '1 1 280px' }} aria-label={T.correctionTitle}
          onFinish={(v) => action.run(T.correctionRequested, () => post('correction-request', { missing: v.missing, reason: v.reason.trim() }))}>
          <Form.Item label={T.correctionMissing} name="missing" rules={[{ required: true, message: T.correctionMissingRequired }]}>
            <Select mode="multiple" options={Object.entries(MATERIAL_LABEL).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          <Form.Item label={T.correctionReason} name="reason" rules={reasonRules(2000)}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button htmlType="submit" loading={action.pending}>{T.requestCorrection}</Button>
        </Form>
        <ReasonForm field="reason" textLabel={T.refuseReason} button={T.refuse} danger pending={action.pending} onFinish={(reason) => action.run(T.refused, () => post('refusal-to-accept', { reason }))} />
      </Flex>
    ),
    isStaff && repair.status === 'UNDER_REVIEW' && (
      <Flex key="review" gap={24} wrap>
        <Form<{ recommendation: 'APPROVE' | 'REFUSE'; reasons: string }> layout="vertical" style={{ minWidth: 320, flex: '2 1 320px' }} aria-label={T.reviewTitle}
          onFinish={(v) => action.run(T.reviewed, () => post('review', { recommendation: v.recommendation, reasons: v.reasons.trim() }))}>
          <Form.Item label={T.recommendation} name="recommendation" rules={[{ required: true, message: T.recommendationRequired }]}>
            <Radio.Group options={Object.entries(T.recommend).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          <Form.Item label={T.reviewReasons} name="reasons" rules={reasonRules(5000)}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.pending}>{T.submitReview}</Button>
        </Form>
        <ReasonForm field="reasons" textLabel={T.returnReasons} button={T.return} pending={action.pending} onFinish={(reasons) => action.run(T.returned, () => post('return', { reasons }))} />
      </Flex>
    ),
    isSupervisor && repair.status === 'AWAITING_APPROVAL' && (
      <Form<{ approve: 'yes' | 'no'; reasons: string }> key="decision" layout="vertical" style={{ maxWidth: 560 }} aria-label={T.decisionTitle}
        onFinish={(v) => action.run(T.decided, () => post('decision', { approve: v.approve === 'yes', reasons: v.reasons.trim() }))}>
        <Form.Item label={T.approve} name="approve" rules={[{ required: true, message: T.approveRequired }]}>
          <Radio.Group options={Object.entries(T.approveOptions).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item label={T.decisionReasons} name="reasons" rules={reasonRules(5000)}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.pending}>{T.decide}</Button>
      </Form>
    ),
    isSupervisor && open && repair.status !== 'FILED' && (
      <ReasonForm key="extension" field="reason" textLabel={T.extensionReason} button={T.extend} pending={action.pending} onFinish={(reason) => action.run(T.extended, () => post('extension', { reason }))} />
    ),
    isSupervisor && repair.status === 'APPROVED' && (
      <ReasonForm key="revocation" field="reason" textLabel={T.revokeReason} button={T.revoke} danger pending={action.pending} onFinish={(reason) => action.run(T.revoked, () => post('revocation', { reason }))} />
    ),
    isApplicant && (repair.status === 'NEEDS_CORRECTION' || repair.status === 'RETURNED') && (
      <Form<{ note?: string }> key="materials" layout="vertical" style={{ maxWidth: 640 }} aria-label={T.resubmitTitle}
        onFinish={(v) => {
          if (!Object.values(files).some(Boolean)) {
            setNoFiles(true);
            return;
          }
          setNoFiles(false);
          action.run(T.resubmitted, async () => {
            const materials = await uploadMaterials(files, (file) => uploadEvidence('record', repair.recordId, file));
            return post('materials', { materials, note: v.note || undefined });
          });
        }}>
        <MaterialsFields files={files} onChange={setFiles} required={missing} kinds={missing.length > 0 ? [...missing, ...Object.keys(MATERIAL_LABEL).filter((k) => !missing.includes(k))] : undefined} />
        {noFiles && <Alert role="alert" type="error" title={T.atLeastOne} style={{ marginBottom: 16 }} />}
        <Form.Item label={T.resubmitNote} name="note" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.pending}>{T.resubmit}</Button>
      </Form>
    ),
    isApplicant && open && (
      <Form<{ reason?: string }> key="withdrawal" layout="vertical" style={{ maxWidth: 560 }} aria-label={T.withdraw}
        onFinish={(v) => action.run(T.withdrawn, () => post('withdrawal', v.reason ? { reason: v.reason } : {}))}>
        <Form.Item label={T.withdrawReason} name="reason" rules={[{ max: 2000 }]}>
          <Input maxLength={2000} />
        </Form.Item>
        <Button danger htmlType="submit" loading={action.pending}>{T.withdraw}</Button>
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
