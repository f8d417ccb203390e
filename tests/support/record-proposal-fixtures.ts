import { randomBytes } from 'node:crypto';
import type { RecordProposalInput } from '../../domain/records/record-proposal.js';
import type { Actor } from '../../domain/roles.js';
import type { World } from './world.js';

/** A record proposal for the world's body, as if a complaint's finding (by `by`) proposed it. */
export function recordProposal(world: Pick<World, 'subjectId' | 'authorityId'>, by: Actor, overrides: Partial<RecordProposalInput> = {}): RecordProposalInput {
  return {
    source: 'COMPLAINT',
    sourceCaseId: `cmp-test-${randomBytes(5).toString('hex')}`,
    subjectId: world.subjectId,
    authorityId: world.authorityId,
    severity: 'GENERAL',
    policyArea: 'INVESTMENT_PROMOTION',
    facts: { title: '招商引资承诺未兑现', summary: '未按约定兑现奖励资金' },
    decisionDate: '2026-03-02',
    rectificationRequired: false,
    proposedBy: { id: by.id, role: by.role },
    ...overrides,
  };
}
