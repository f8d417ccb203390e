import type { Actor, Role } from '../../domain/roles.js';
import { ComplaintFinding } from '../../domain/complaint/complaint-finding.js';
import type { CaseRuntime } from '../shared/case-runtime.js';
import { FailureType } from '../shared/failure-types.js';
import { reject, requireAuthorityStaff, requireStatus, requireText } from '../shared/validators.js';
import {
  ComplaintEventType,
  ComplaintStatus,
  forwardComplaintUpdate,
  recordFindingUpdate,
  refuseComplaintUpdate,
  replyToReporterUpdate,
  type ComplaintState,
  type ComplaintWorkflowInput,
} from './complaint-contract.js';
import type { ComplaintTransitionDetails } from './complaint-projection.js';

const STAFF: readonly Role[] = ['REVIEWER', 'SUPERVISOR'];
const FINDINGS: readonly string[] = Object.values(ComplaintFinding);

/** A complaint as its actions see it. */
export interface ComplaintCase {
  input: ComplaintWorkflowInput;
  state: ComplaintState;
  runtime: CaseRuntime<ComplaintState, ComplaintTransitionDetails>;
}

/** The human actions on a complaint: the credit office's intake and reply, the competent authority's finding. */
export function registerComplaintActions({ input, state, runtime }: ComplaintCase): void {
  const status = (allowed: readonly ComplaintStatus[], action: string) => requireStatus('the complaint', state.status, allowed, action);
  const decider = (authorityId: string, actor: Actor, action: string) => {
    requireAuthorityStaff(authorityId, actor, STAFF, action);
    runtime.claims.requireClaimerOrSupervisor(actor, action);
  };

  runtime.action(
    forwardComplaintUpdate,
    ({ actor, competentAuthorityId }) => {
      status(['FILED'], 'forward the complaint');
      decider(input.intakeAuthorityId, actor, 'forward the complaint');
      requireText(competentAuthorityId, 'competentAuthorityId');
    },
    async ({ actor, competentAuthorityId, note }) => {
      state.competentAuthorityId = competentAuthorityId;
      runtime.moveTo(ComplaintStatus.UNDER_VERIFICATION);
      await runtime.record(ComplaintEventType.FORWARDED, actor, { reason: note ?? null, data: { competentAuthorityId } });
    },
  );

  runtime.action(
    refuseComplaintUpdate,
    ({ actor, reason }) => {
      status(['FILED'], 'refuse the complaint as out of scope');
      decider(input.intakeAuthorityId, actor, 'refuse the complaint');
      requireText(reason, 'reason');
    },
    async ({ actor, reason }) => {
      runtime.moveTo(ComplaintStatus.NOT_ACCEPTED);
      // The reason is the reporter's answer.
      await runtime.record(ComplaintEventType.NOT_ACCEPTED, actor, { reason, readModel: { reply: reason, repliedAt: new Date().toISOString() } });
    },
  );

  runtime.action(
    recordFindingUpdate,
    ({ actor, finding, reasons, evidence, proposal }) => {
      status(['UNDER_VERIFICATION'], 'record a finding');
      decider(state.competentAuthorityId ?? '', actor, 'record a finding');
      if (!FINDINGS.includes(finding)) reject(FailureType.VALIDATION, `finding must be one of ${FINDINGS.join(', ')}`);
      requireText(reasons, 'reasons');
      if (!Array.isArray(evidence)) reject(FailureType.VALIDATION, 'evidence must be a list');
      if (finding !== ComplaintFinding.UNFOUNDED && !proposal) reject(FailureType.VALIDATION, 'A confirmed finding proposes a record: proposal (severity, facts) is required');
      if (finding === ComplaintFinding.UNFOUNDED && proposal) reject(FailureType.VALIDATION, 'An unfounded complaint proposes no record');
    },
    async ({ actor, finding, reasons, evidence, proposal }) => {
      state.finding = finding;
      state.findingById = actor.id;
      runtime.moveTo(ComplaintStatus.AWAITING_REPLY);
      const readModel = { finding, findingReasons: reasons, findingEvidence: evidence, findingById: actor.id };
      await runtime.record(ComplaintEventType.FINDING_RECORDED, actor, { reason: reasons, data: { finding, evidence }, readModel });
      if (proposal && state.competentAuthorityId) {
        await runtime.record(ComplaintEventType.RECORD_PROPOSED, actor, {
          data: { severity: proposal.severity, policyArea: input.policyArea },
          effect: {
            kind: 'PROPOSE_RECORD',
            subjectId: input.subjectId,
            authorityId: state.competentAuthorityId,
            policyArea: input.policyArea,
            proposal,
            timeZone: input.timeZone,
            proposedBy: { id: actor.id, role: actor.role },
          },
        });
      }
    },
  );

  runtime.action(
    replyToReporterUpdate,
    ({ actor, reply }) => {
      status(['AWAITING_REPLY'], 'reply to the reporter');
      decider(input.intakeAuthorityId, actor, 'reply to the reporter');
      requireText(reply, 'reply');
    },
    async ({ actor, reply }) => {
      runtime.moveTo(ComplaintStatus.REPLIED);
      await runtime.record(ComplaintEventType.REPLIED, actor, { reason: reply, readModel: { reply, repliedAt: new Date().toISOString() } });
    },
  );
}
