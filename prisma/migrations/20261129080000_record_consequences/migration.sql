-- AlterTable
ALTER TABLE "DishonestyRecord" ADD COLUMN     "leniency" TEXT NOT NULL DEFAULT 'NONE',
ADD COLUMN     "minPublishedUntil" DATE,
ADD COLUMN     "publicationPolicyId" TEXT,
ADD COLUMN     "rectificationStatus" TEXT NOT NULL DEFAULT 'NOT_REQUIRED',
ADD COLUMN     "registeredById" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "sanctionKind" TEXT,
ADD COLUMN     "sanctionsActive" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "workflowId" TEXT;

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "explanation" TEXT,
    "plan" TEXT,
    "currentStep" TEXT,
    "assigneeRole" TEXT,
    "dueAt" TIMESTAMP(3),
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "escalationLevel" TEXT NOT NULL DEFAULT 'NONE',
    "returnedCount" INTEGER NOT NULL DEFAULT 0,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectEligibility" (
    "subjectId" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "restriction" TEXT NOT NULL,
    "blockers" JSONB NOT NULL,
    "expectedEnd" TIMESTAMP(3),
    "sequence" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubjectEligibility_pkey" PRIMARY KEY ("subjectId")
);

-- CreateTable
CREATE TABLE "LeniencyDecision" (
    "id" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionReasons" TEXT,

    CONSTRAINT "LeniencyDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_workflowId_key" ON "Rectification"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_recordId_key" ON "Rectification"("recordId");

-- CreateIndex
CREATE INDEX "Rectification_status_idx" ON "Rectification"("status");

-- CreateIndex
CREATE INDEX "Rectification_subjectId_idx" ON "Rectification"("subjectId");

-- CreateIndex
CREATE INDEX "Rectification_dueAt_idx" ON "Rectification"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubjectEligibility_workflowId_key" ON "SubjectEligibility"("workflowId");

-- CreateIndex
CREATE INDEX "SubjectEligibility_eligible_idx" ON "SubjectEligibility"("eligible");

-- CreateIndex
CREATE INDEX "LeniencyDecision_recordId_idx" ON "LeniencyDecision"("recordId");

-- CreateIndex
CREATE UNIQUE INDEX "DishonestyRecord_workflowId_key" ON "DishonestyRecord"("workflowId");

