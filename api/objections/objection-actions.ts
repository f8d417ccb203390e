import type { CaseAction } from '../cases/case-action.js';
import {
  acceptObjectionUpdate,
  declineObjectionUpdate,
  decideObjectionUpdate,
  decideSecondReviewUpdate,
  extendVerificationUpdate,
  requestSecondReviewUpdate,
  withdrawObjectionUpdate,
  requestObjectionCorrectionUpdate,
  submitObjectionMaterialsUpdate,
  stopObjectionClockUpdate,
  resumeObjectionClockUpdate,
} from '../../workflows/objection/objection-contract.js';
import {
  clockStopSchema,
  correctionRequestSchema,
  materialsSchema,
  decisionSchema,
  extensionSchema,
  noteSchema,
  optionalReasonSchema,
  reasonSchema,
  secondReviewDecisionSchema,
} from './objection-schemas.js';

export const OBJECTION_ACTIONS: CaseAction[] = [
  { path: 'accept', permission: 'objection.accept', body: noteSchema, update: acceptObjectionUpdate, summary: 'Accept the objection for processing (marks the record 异议标注)' },
  { path: 'decline', permission: 'objection.decline', body: reasonSchema, update: declineObjectionUpdate, summary: 'Decline to accept the objection, with reasons' },
  { path: 'decision', permission: 'objection.decide', body: decisionSchema, update: decideObjectionUpdate, summary: 'Decide the objection: reject, correct (facts, or severity/decision date/sanction kind), supplement, delete, stop publication or remove from the list (list entries)' },
  { path: 'extension', permission: 'objection.extend', body: extensionSchema, update: extendVerificationUpdate, summary: 'Approve an extension of the verification deadline (up to the policy cap)' },
  { path: 'second-review', permission: 'objection.request-second-review', body: reasonSchema, update: requestSecondReviewUpdate, summary: 'Ask for a second review (复核) of a rejection' },
  { path: 'second-review/decision', permission: 'objection.decide-second-review', body: secondReviewDecisionSchema, update: decideSecondReviewUpdate, summary: 'Decide the second review' },
  { path: 'withdraw', permission: 'objection.withdraw', body: optionalReasonSchema, update: withdrawObjectionUpdate, summary: 'Withdraw the objection before it is decided' },
  { path: 'correction-request', permission: 'objection.request-correction', body: correctionRequestSchema, update: requestObjectionCorrectionUpdate, summary: 'Ask once, listing every missing item, for missing material (补正); the acceptance clock stands still' },
  { path: 'materials', permission: 'objection.submit-materials', body: materialsSchema, update: submitObjectionMaterialsUpdate, summary: 'Submit the material a 补正 request listed; acceptance resumes' },
  { path: 'clock-stop', permission: 'objection.stop-clock', body: clockStopSchema, update: stopObjectionClockUpdate, summary: "Stop verification's clock for an appraisal or expert review (the time does not count)" },
  { path: 'clock-resumption', permission: 'objection.resume-clock', body: noteSchema, update: resumeObjectionClockUpdate, summary: "Resume verification's clock; the deadline moves by the working days it stood still" },
];
