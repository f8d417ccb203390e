-- CreateTable
CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "policyArea" "PolicyArea" NOT NULL,
    "promise" TEXT NOT NULL,
    "publicConcerned" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "everyMonths" INTEGER,
    "endsOn" DATE,
    "dueDates" JSONB NOT NULL,
    "period" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "currentStep" TEXT,
    "assigneeRole" TEXT,
    "dueAt" TIMESTAMP(3),
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "claimedById" TEXT,
    "recordProposalId" TEXT,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "idempotencyKey" TEXT,
    "registeredAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentCheck" (
    "id" TEXT NOT NULL,
    "commitmentId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "policyArea" "PolicyArea" NOT NULL,
    "period" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,
    "outcome" TEXT NOT NULL,
    "reasons" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "checkedById" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitmentCheck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_workflowId_key" ON "Commitment"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "Commitment_idempotencyKey_key" ON "Commitment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Commitment_authorityId_registeredAt_id_idx" ON "Commitment"("authorityId", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "Commitment_authorityId_status_registeredAt_id_idx" ON "Commitment"("authorityId", "status", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "Commitment_subjectId_registeredAt_id_idx" ON "Commitment"("subjectId", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "Commitment_status_registeredAt_id_idx" ON "Commitment"("status", "registeredAt", "id");

-- CreateIndex
CREATE INDEX "Commitment_registeredAt_id_idx" ON "Commitment"("registeredAt", "id");

-- CreateIndex
CREATE INDEX "CommitmentCheck_subjectId_policyArea_outcome_idx" ON "CommitmentCheck"("subjectId", "policyArea", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentCheck_commitmentId_period_key" ON "CommitmentCheck"("commitmentId", "period");

-- AddForeignKey
ALTER TABLE "CommitmentCheck" ADD CONSTRAINT "CommitmentCheck_commitmentId_fkey" FOREIGN KEY ("commitmentId") REFERENCES "Commitment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

