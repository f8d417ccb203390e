import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { api, must } from '../../api/client';
import { FINDING_LABEL } from '../../lib/labels';
import type { SessionActor } from '../../session/use-session';
import { AuthorityInput } from '../case-common/authorities';
import { ClaimButtons } from '../case-common/claim-buttons';
import { CASE_COMMON_TEXT as C } from '../case-common/texts';
import { useCaseAction } from '../case-common/use-case-action';
import { COMPLAINT_CASE_TEXT as T, SANCTION_LABEL, SEVERITY_OPTION_LABEL } from './texts';

const STAFF = new Set(['REVIEWER', 'SUPERVISOR']);
const required = (max: number) => [{ required: true, whitespace: true, message: C.reasonRequired }, { max }];
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, label: text }));

export interface ComplaintSummary {
  id: string;
  status: string;
  currentStep: string | null;
  claimedById: string | null;
  /** The competent authority once forwarded (before: the credit office). */
  authorityId: string;
  /** The credit office: intake and reply are its steps. */
  intakeAuthorityId: string;
}

type Finding = 'UNFOUNDED' | 'CONFIRMED' | 'PARTLY_CONFIRMED';
interface FindingForm {
  finding: Finding;
  reasons: string;
  evidence?: string;
  severity?: 'MINOR' | 'GENERAL' | 'SERIOUS';
  factsTitle?: string;
  factsSummary?: string;
  amountOwedYuan?: number | null;
  sanctionKind?: 'WARNING' | 'DEMERIT' | 'MAJOR_DEMERIT' | 'DEMOTION' | 'REMOVAL';
  rectificationRequired?: boolean;
}

/** Evidence titles, one a line (complaint evidence is named, not uploaded: the reporter's files stay with the office). */
const evidenceLines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim().slice(0, 200))
    .filter(Boolean)
    .map((title) => ({ title }));

/**
 * The actions on a complaint by its step: intake (转交核查 or 不予受理) and the reply by the credit office, the finding
 * by the competent authority. The API decides who may; its refusal is shown in Chinese.
 */
export function ComplaintActions({ actor, complaint }: { actor: SessionActor; complaint: ComplaintSummary }) {
  const action = useCaseAction();
  const complaintId = complaint.id;
  const path = { params: { path: { complaintId } } };
  // Only the staff of the authority whose step it is act on it (the API says so too): the competent authority
  // verifies, the credit office takes the intake and replies.
  const stepAuthorityId = complaint.status === 'UNDER_VERIFICATION' ? complaint.authorityId : complaint.intakeAuthorityId;
  const isStaff = STAFF.has(actor.role) && actor.authorityId === stepAuthorityId;
  if (!isStaff || !complaint.currentStep) return null;

  const content = [
    <Space key="claim">
      <ClaimButtons
        pending={action.pending}
        claimed={complaint.claimedById !== null}
        onClaim={() => action.run(C.claimed, () => must(api.POST('/complaints/{complaintId}/claim', { ...path, body: {} })))}
        onRelease={() => action.run(C.released, () => must(api.POST('/complaints/{complaintId}/release', { ...path, body: {} })))}
      />
    </Space>,
    complaint.status === 'FILED' && (
      <Flex key="intake" gap={24} wrap>
        <Form<{ competentAuthorityId: string; note?: string }> layout="vertical" style={{ minWidth: 300, flex: '1 1 300px' }} aria-label={T.forwardTitle}
          onFinish={(v) => action.run(T.forwarded, () => must(api.POST('/complaints/{complaintId}/forwarding', { ...path, body: { competentAuthorityId: v.competentAuthorityId.trim(), ...(v.note?.trim() ? { note: v.note.trim() } : {}) } })))}>
          <Form.Item label={T.competentAuthorityId} name="competentAuthorityId" rules={[{ required: true, whitespace: true, message: T.competentAuthorityRequired }, { max: 64 }]}>
            <AuthorityInput maxLength={64} />
          </Form.Item>
          <Form.Item label={T.forwardNote} name="note" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.pending}>{T.forward}</Button>
        </Form>
        <Form<{ reason: string }> layout="vertical" style={{ minWidth: 300, flex: '1 1 300px' }} aria-label={T.refuseTitle}
          onFinish={(v) => action.run(T.refused, () => must(api.POST('/complaints/{complaintId}/refusal', { ...path, body: { reason: v.reason.trim() } })))}>
          <Form.Item label={T.refuseReason} name="reason" rules={required(2000)}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button danger htmlType="submit" loading={action.pending}>{T.refuse}</Button>
        </Form>
      </Flex>
    ),
    complaint.status === 'UNDER_VERIFICATION' && (
      <FindingForm key="finding" pending={action.pending}
        onFinish={(v) =>
          action.run(T.found, () =>
            must(
              api.POST('/complaints/{complaintId}/finding', {
                ...path,
                body: {
                  finding: v.finding,
                  reasons: v.reasons.trim(),
                  evidence: evidenceLines(v.evidence),
                  ...(v.finding !== 'UNFOUNDED'
                    ? {
                        proposal: {
                          severity: v.severity!,
                          facts: { title: v.factsTitle!.trim(), summary: v.factsSummary!.trim(), ...(v.amountOwedYuan != null ? { amountOwedYuan: v.amountOwedYuan } : {}) },
                          ...(v.sanctionKind ? { sanctionKind: v.sanctionKind } : {}),
                          rectificationRequired: v.rectificationRequired ?? true,
                        },
                      }
                    : {}),
                },
              }),
            ),
          )
        }
      />
    ),
    complaint.status === 'AWAITING_REPLY' && (
      <Form<{ reply: string }> key="reply" layout="vertical" style={{ maxWidth: 640 }} aria-label={T.replyTitle}
        onFinish={(v) => action.run(T.replied, () => must(api.POST('/complaints/{complaintId}/reply', { ...path, body: { reply: v.reply.trim() } })))}>
        <Form.Item label={T.reply} name="reply" rules={required(5000)}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.pending}>{T.submitReply}</Button>
      </Form>
    ),
  ].filter(Boolean);

  return (
    <Card title={T.actions}>
      <Flex vertical gap={24}>
        {action.refusal && <Alert role="alert" type="error" showIcon title={C.refused} description={action.refusal} closable onClose={action.clearRefusal} />}
        {content}
      </Flex>
    </Card>
  );
}

/** The competent authority's finding; a confirmed (or partly confirmed) one carries the proposed record. */
function FindingForm({ pending, onFinish }: { pending: boolean; onFinish: (v: FindingForm) => void }) {
  const [form] = Form.useForm<FindingForm>();
  const finding = Form.useWatch('finding', form);
  const confirmed = finding === 'CONFIRMED' || finding === 'PARTLY_CONFIRMED';
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} aria-label={T.findingTitle} initialValues={{ rectificationRequired: true }} onFinish={onFinish}>
      <Form.Item label={T.finding} name="finding" rules={[{ required: true, message: T.findingRequired }]}>
        <Radio.Group options={options(FINDING_LABEL)} />
      </Form.Item>
      <Form.Item label={T.findingReasons} name="reasons" rules={required(5000)}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item label={T.findingEvidence} name="evidence">
        <Input.TextArea rows={2} />
      </Form.Item>
      {confirmed && (
        <>
          <Alert type="info" showIcon title={T.proposalHint} style={{ marginBottom: 16 }} />
          <Form.Item label={T.severity} name="severity" rules={[{ required: true, message: T.severityRequired }]}>
            <Select options={options(SEVERITY_OPTION_LABEL)} />
          </Form.Item>
          <Form.Item label={T.factsTitle} name="factsTitle" rules={required(200)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label={T.factsSummary} name="factsSummary" rules={required(2000)}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item label={T.amountOwed} name="amountOwedYuan">
            <InputNumber min={0} max={10_000_000_000_000} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item label={T.sanctionKind} name="sanctionKind">
            <Select allowClear options={options(SANCTION_LABEL)} />
          </Form.Item>
          <Form.Item name="rectificationRequired" valuePropName="checked">
            <Checkbox>{T.rectificationRequired}</Checkbox>
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={pending}>{T.submitFinding}</Button>
    </Form>
  );
}
