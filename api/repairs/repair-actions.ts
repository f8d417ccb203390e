import type { CaseAction } from '../cases/case-action.js';
import {
  acceptRepairUpdate,
  decideRepairUpdate,
  extendRepairUpdate,
  refuseAcceptanceUpdate,
  requestCorrectionUpdate,
  returnRepairUpdate,
  reviewRepairUpdate,
  revokeRepairUpdate,
  submitMaterialsUpdate,
  withdrawRepairUpdate,
} from '../../workflows/repair/repair-contract.js';
import {
  correctionSchema,
  decisionSchema,
  materialsSchema,
  noteSchema,
  optionalReasonSchema,
  reasonSchema,
  reasonsSchema,
  reviewSchema,
} from './repair-schemas.js';

export const REPAIR_ACTIONS: CaseAction[] = [
  { path: 'acceptance', permission: 'repair.accept', body: noteSchema, update: acceptRepairUpdate, summary: 'Accept the application (受理)' },
  { path: 'correction-request', permission: 'repair.request-correction', body: correctionSchema, update: requestCorrectionUpdate, summary: 'Ask once for every missing material (补正); the clock pauses' },
  { path: 'materials', permission: 'repair.submit-materials', body: materialsSchema, update: submitMaterialsUpdate, summary: 'Submit the missing or requested materials' },
  { path: 'refusal-to-accept', permission: 'repair.refuse-acceptance', body: reasonSchema, update: refuseAcceptanceUpdate, summary: 'Refuse to accept, with reasons' },
  { path: 'review', permission: 'repair.review', body: reviewSchema, update: reviewRepairUpdate, summary: 'Review by the authority that made the record: recommend approval or refusal' },
  { path: 'return', permission: 'repair.return', body: reasonsSchema, update: returnRepairUpdate, summary: 'Return the application to the applicant for more material' },
  { path: 'decision', permission: 'repair.decide', body: decisionSchema, update: decideRepairUpdate, summary: 'Approve or refuse (a person other than the reviewer)' },
  { path: 'withdrawal', permission: 'repair.withdraw', body: optionalReasonSchema, update: withdrawRepairUpdate, summary: 'Withdraw the application before the decision' },
  { path: 'extension', permission: 'repair.extend', body: reasonSchema, update: extendRepairUpdate, summary: 'Extend the overall deadline once (policy overallExtensionWorkingDays), with reasons' },
  { path: 'revocation', permission: 'repair.revoke', body: reasonSchema, update: revokeRepairUpdate, summary: 'Revoke an approved repair that rested on false materials' },
];
