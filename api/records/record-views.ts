import { recordOrigin } from '../../domain/records/record-proposal.js';
import type { DishonestyRecord, RecordVersion } from '../../generated/prisma/client.js';

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function recordView(record: DishonestyRecord, versions?: RecordVersion[]) {
  return {
    id: record.id,
    subjectId: record.subjectId,
    authorityId: record.authorityId,
    source: record.source,
    sourceCaseId: record.sourceCaseId,
    origin: recordOrigin(record.source, record.sourceCaseId),
    documentNumber: record.documentNumber,
    severity: record.severity,
    policyArea: record.policyArea,
    sanctionKind: record.sanctionKind,
    facts: record.facts,
    decisionDate: day(record.decisionDate),
    publishedFrom: day(record.publishedFrom),
    minPublishedUntil: day(record.minPublishedUntil),
    publishedUntil: day(record.publishedUntil),
    status: record.status,
    publicationStatus: record.publicationStatus,
    sanctionsActive: record.sanctionsActive,
    rectificationStatus: record.rectificationStatus,
    leniency: record.leniency,
    underObjection: record.objectionCaseId !== null,
    objectionCaseId: record.objectionCaseId,
    revokedAt: record.revokedAt?.toISOString() ?? null,
    version: record.version,
    ...(versions
      ? {
          versions: versions.map((v) => ({
            version: v.version,
            change: v.change,
            facts: v.facts,
            caseId: v.caseId,
            actorId: v.actorId,
            reason: v.reason,
            createdAt: v.createdAt.toISOString(),
          })),
        }
      : {}),
  };
}
