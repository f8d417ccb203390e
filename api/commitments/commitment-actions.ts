import { checkCommitmentUpdate, reportCommitmentProgressUpdate, reportFulfilmentUpdate } from '../../workflows/commitment/commitment-contract.js';
import type { CaseAction } from '../cases/case-action.js';
import { checkSchema, fulfilmentSchema, progressSchema } from './commitment-schemas.js';

export const COMMITMENT_ACTIONS: CaseAction[] = [
  { path: 'progress', permission: 'commitment.report-progress', body: progressSchema, update: reportCommitmentProgressUpdate, summary: 'Report progress on the commitment (the body)' },
  { path: 'fulfilment', permission: 'commitment.report-fulfilment', body: fulfilmentSchema, update: reportFulfilmentUpdate, summary: 'Report the commitment fulfilled before its due date: the check opens at once' },
  { path: 'check', permission: 'commitment.check', body: checkSchema, update: checkCommitmentUpdate, summary: 'Check the commitment (KEPT / LATE / BROKEN) with reasons and evidence; BROKEN proposes a record' },
];
