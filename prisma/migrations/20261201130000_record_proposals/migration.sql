-- Record proposals (complaints and broken commitments become records when a reviewer confirms them)
ALTER TYPE "RecordSource" ADD VALUE 'COMPLAINT';
ALTER TYPE "RecordSource" ADD VALUE 'COMMITMENT';

CREATE TYPE "PolicyArea" AS ENUM ('GOVERNMENT_PROCUREMENT', 'PUBLIC_PRIVATE_PARTNERSHIP', 'BIDDING', 'INVESTMENT_PROMOTION', 'LOCAL_GOVERNMENT_DEBT', 'STREET_TOWNSHIP_COMMITMENT', 'ARREARS_TO_FIRMS', 'OTHER');

ALTER TABLE "DishonestyRecord" ADD COLUMN "sourceCaseId" TEXT;

CREATE TABLE "RecordProposal" (
    "id" TEXT NOT NULL,
    "source" "RecordSource" NOT NULL,
    "sourceCaseId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "policyArea" "PolicyArea" NOT NULL,
    "facts" JSONB NOT NULL,
    "decisionDate" DATE NOT NULL,
    "sanctionKind" TEXT,
    "rectificationRequired" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReasons" TEXT,
    "recordId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "RecordProposal_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RecordProposal_recordId_key" ON "RecordProposal"("recordId");
CREATE UNIQUE INDEX "RecordProposal_source_sourceCaseId_key" ON "RecordProposal"("source", "sourceCaseId");
CREATE INDEX "RecordProposal_authorityId_proposedAt_id_idx" ON "RecordProposal"("authorityId", "proposedAt", "id");
CREATE INDEX "RecordProposal_subjectId_proposedAt_id_idx" ON "RecordProposal"("subjectId", "proposedAt", "id");
CREATE INDEX "RecordProposal_proposedAt_id_idx" ON "RecordProposal"("proposedAt", "id");
