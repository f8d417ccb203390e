import type { PolicyArea, SanctionKind, Severity } from './record-types.js';

/** Where a record proposal comes from: a complaint's confirmed finding (投诉举报) or a broken commitment (守信践诺). */
export const ProposalSource = { COMPLAINT: 'COMPLAINT', COMMITMENT: 'COMMITMENT' } as const;
export type ProposalSource = (typeof ProposalSource)[keyof typeof ProposalSource];

export const RecordProposalStatus = { PROPOSED: 'PROPOSED', CONFIRMED: 'CONFIRMED', REJECTED: 'REJECTED' } as const;
export type RecordProposalStatus = (typeof RecordProposalStatus)[keyof typeof RecordProposalStatus];

export const RECORD_PROPOSAL_CASE_TYPE = 'RECORD_PROPOSAL';

/** The record a source case proposes: what the reviewer of the competent authority confirms or rejects. */
export interface RecordProposalInput {
  source: ProposalSource;
  /** The complaint's or commitment's case id: one proposal per source case (proposing again returns the first). */
  sourceCaseId: string;
  subjectId: string;
  /** The competent authority: its reviewers decide the proposal, and the record becomes its record. */
  authorityId: string;
  severity: Severity;
  policyArea: PolicyArea;
  facts: { title: string; summary: string; [field: string]: unknown };
  /** YYYY-MM-DD: the date of the finding (or of the check that found the commitment broken). */
  decisionDate: string;
  /** Civil servants only. */
  sanctionKind?: SanctionKind | null;
  /** Government bodies: whether a rectification order (限期整改) runs once confirmed; default true. */
  rectificationRequired?: boolean;
  /** Who made the finding; they may not confirm the proposal themselves. */
  proposedBy: { id: string; role: string };
}

/** The record's `origin`: `COMPLAINT:<caseId>`, `COMMITMENT:<caseId>`, or the registration source. */
export function recordOrigin(source: string, sourceCaseId: string | null): string {
  return sourceCaseId ? `${source}:${sourceCaseId}` : source;
}
