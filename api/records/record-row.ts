import type { Prisma, Subject } from '../../generated/prisma/client.js';
import type { Actor } from '../../domain/roles.js';
import { appendAuditEvent, type AuditEventInput } from '../../lib/audit/append-audit-event.js';
import { RECORD_CASE_TYPE, recordWorkflowId } from '../../workflows/record/record-contract.js';
import type { PublicationPolicy } from '../../domain/records/publication-policy.js';
import { publicationWindow } from '../../domain/records/publication-policy.js';
import type { PolicySnapshot } from '../../domain/policies/policy-snapshot.js';
import type { RegisterRecordInput } from './record-schemas.js';
import type { ProposalSource } from '../../domain/records/record-proposal.js';

/** What a new record is made of: a registration, or a confirmed record proposal (source COMPLAINT or COMMITMENT). */
export type NewRecordInput = Omit<RegisterRecordInput, 'source'> & { source: RegisterRecordInput['source'] | ProposalSource };

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The row of a newly registered (or imported) record: its publication window from the policy, as of `today`. */
export function newRecordRow(
  id: string,
  input: NewRecordInput,
  subject: Pick<Subject, 'id' | 'kind'>,
  by: { authorityId: string; actorId: string },
  publication: PolicySnapshot<PublicationPolicy>,
  today: string,
): Prisma.DishonestyRecordCreateManyInput {
  const window = publicationWindow(input.decisionDate, input.severity, publication.params, 'NONE', today);
  return {
    id,
    subjectId: subject.id,
    authorityId: by.authorityId,
    source: input.source,
    documentNumber: input.documentNumber,
    severity: input.severity,
    policyArea: input.policyArea,
    facts: input.facts as Prisma.InputJsonValue,
    decisionDate: asDate(input.decisionDate),
    publishedFrom: asDate(window.publishedFrom),
    publishedUntil: asDate(window.publishedUntil),
    minPublishedUntil: asDate(window.minPublishedUntil),
    sanctionKind: input.sanctionKind ?? null,
    listEntry: input.listEntry ?? false,
    rectificationStatus: subject.kind === 'GOVERNMENT_BODY' && input.rectificationRequired ? 'PENDING' : 'NOT_REQUIRED',
    registeredById: by.actorId,
    publicationPolicyId: publication.id,
    workflowId: recordWorkflowId(id),
  };
}

/** The record's REGISTERED audit event, in the transaction that creates it. */
export function appendRegistered(tx: Prisma.TransactionClient, id: string, input: NewRecordInput, actor: Actor, publication: { id: string; version: number }, extra: Record<string, unknown> = {}) {
  return appendAuditEvent(tx, registeredEvent(id, input, actor, publication, extra));
}

/** The REGISTERED event that starts a record's audit chain. */
export function registeredEvent(id: string, input: NewRecordInput, actor: Actor, publication: { id: string; version: number }, extra: Record<string, unknown> = {}): AuditEventInput {
  return {
    eventKey: `record-${id}/registered`,
    caseId: id,
    caseType: RECORD_CASE_TYPE,
    type: 'REGISTERED',
    actorId: actor.id,
    actorRole: actor.role,
    data: { documentNumber: input.documentNumber, severity: input.severity, ...extra, policy: { id: publication.id, version: publication.version } },
    occurredAt: new Date(),
  };
}
