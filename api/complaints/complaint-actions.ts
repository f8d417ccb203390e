import type { CaseAction } from '../cases/case-action.js';
import { forwardComplaintUpdate, recordFindingUpdate, refuseComplaintUpdate, replyToReporterUpdate } from '../../workflows/complaint/complaint-contract.js';
import { findingSchema, forwardComplaintSchema, refuseComplaintSchema, replySchema } from './complaint-schemas.js';

export const COMPLAINT_ACTIONS: CaseAction[] = [
  { path: 'forwarding', permission: 'complaint.forward', body: forwardComplaintSchema, update: forwardComplaintUpdate, summary: 'Intake: in scope; forward to the competent authority (the body’s superior department) for verification' },
  { path: 'refusal', permission: 'complaint.refuse', body: refuseComplaintSchema, update: refuseComplaintUpdate, summary: 'Intake: out of scope; close with the reason the reporter is told' },
  { path: 'finding', permission: 'complaint.find', body: findingSchema, update: recordFindingUpdate, summary: 'The competent authority’s finding (unfounded / confirmed / partly confirmed) with reasons and evidence; a confirmed one proposes a record' },
  { path: 'reply', permission: 'complaint.reply', body: replySchema, update: replyToReporterUpdate, summary: 'The credit office’s reply to the reporter; closes the complaint' },
];
