-- AlterTable
ALTER TABLE "Objection" ADD COLUMN     "claimedById" TEXT;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- AlterTable
ALTER TABLE "IdempotentRequest" ADD COLUMN     "completedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN     "claimedById" TEXT;

-- CreateTable
CREATE TABLE "RepairApplication" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "materials" JSONB NOT NULL,
    "currentStep" TEXT,
    "assigneeRole" TEXT,
    "dueAt" TIMESTAMP(3),
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "clockPaused" BOOLEAN NOT NULL DEFAULT false,
    "claimedById" TEXT,
    "reviewedById" TEXT,
    "decidedById" TEXT,
    "decisionReasons" TEXT,
    "reapplyFrom" TIMESTAMP(3),
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "idempotencyKey" TEXT,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RepairApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RepairBar" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RepairBar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "caseType" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RepairApplication_workflowId_key" ON "RepairApplication"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "RepairApplication_idempotencyKey_key" ON "RepairApplication"("idempotencyKey");

-- CreateIndex
CREATE INDEX "RepairApplication_recordId_idx" ON "RepairApplication"("recordId");

-- CreateIndex
CREATE INDEX "RepairApplication_subjectId_idx" ON "RepairApplication"("subjectId");

-- CreateIndex
CREATE INDEX "RepairApplication_status_idx" ON "RepairApplication"("status");

-- CreateIndex
CREATE INDEX "RepairBar_subjectId_idx" ON "RepairBar"("subjectId");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EvidenceFile_caseType_caseId_idx" ON "EvidenceFile"("caseType", "caseId");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_id_idx" ON "CaseEvent"("caseId", "id");

