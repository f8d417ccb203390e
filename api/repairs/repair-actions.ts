import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Role } from '../../domain/roles.js';
import {
  acceptRepairUpdate,
  decideRepairUpdate,
  refuseAcceptanceUpdate,
  requestCorrectionUpdate,
  returnRepairUpdate,
  reviewRepairUpdate,
  revokeRepairUpdate,
  submitMaterialsUpdate,
  withdrawRepairUpdate,
  type RepairState,
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

export interface RepairAction {
  path: string;
  roles: Role[];
  body: z.ZodType;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  update: UpdateDefinition<RepairState, [any]>;
  summary: string;
}

export const REPAIR_ACTIONS: RepairAction[] = [
  { path: 'acceptance', roles: ['REVIEWER', 'SUPERVISOR'], body: noteSchema, update: acceptRepairUpdate, summary: 'Accept the application (受理)' },
  { path: 'correction-request', roles: ['REVIEWER', 'SUPERVISOR'], body: correctionSchema, update: requestCorrectionUpdate, summary: 'Ask once for every missing material (补正); the clock pauses' },
  { path: 'materials', roles: ['APPLICANT'], body: materialsSchema, update: submitMaterialsUpdate, summary: 'Submit the missing or requested materials' },
  { path: 'refusal-to-accept', roles: ['REVIEWER', 'SUPERVISOR'], body: reasonSchema, update: refuseAcceptanceUpdate, summary: 'Refuse to accept, with reasons' },
  { path: 'review', roles: ['REVIEWER', 'SUPERVISOR'], body: reviewSchema, update: reviewRepairUpdate, summary: 'Review by the authority that made the record: recommend approval or refusal' },
  { path: 'return', roles: ['REVIEWER', 'SUPERVISOR'], body: reasonsSchema, update: returnRepairUpdate, summary: 'Return the application to the applicant for more material' },
  { path: 'decision', roles: ['SUPERVISOR'], body: decisionSchema, update: decideRepairUpdate, summary: 'Approve or refuse (a person other than the reviewer)' },
  { path: 'withdrawal', roles: ['APPLICANT'], body: optionalReasonSchema, update: withdrawRepairUpdate, summary: 'Withdraw the application before the decision' },
  { path: 'revocation', roles: ['SUPERVISOR'], body: reasonSchema, update: revokeRepairUpdate, summary: 'Revoke an approved repair that rested on false materials' },
];
