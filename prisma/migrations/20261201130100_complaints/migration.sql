-- Complaints (投诉举报) and their reporters, kept apart
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "authorityId" TEXT NOT NULL,
    "intakeAuthorityId" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "policyArea" "PolicyArea" NOT NULL,
    "category" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "currentStep" TEXT,
    "assigneeRole" TEXT,
    "dueAt" TIMESTAMP(3),
    "dueProvisional" BOOLEAN NOT NULL DEFAULT false,
    "escalated" BOOLEAN NOT NULL DEFAULT false,
    "claimedById" TEXT,
    "finding" TEXT,
    "findingReasons" TEXT,
    "findingEvidence" JSONB,
    "findingById" TEXT,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "proposalId" TEXT,
    "lookupSecretHash" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "policyVersion" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "idempotencyKey" TEXT,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ComplaintReporter" (
    "complaintId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "organization" TEXT,
    "address" TEXT,
    CONSTRAINT "ComplaintReporter_pkey" PRIMARY KEY ("complaintId")
);

CREATE UNIQUE INDEX "Complaint_workflowId_key" ON "Complaint"("workflowId");
CREATE UNIQUE INDEX "Complaint_idempotencyKey_key" ON "Complaint"("idempotencyKey");
CREATE INDEX "Complaint_authorityId_filedAt_id_idx" ON "Complaint"("authorityId", "filedAt", "id");
CREATE INDEX "Complaint_intakeAuthorityId_filedAt_id_idx" ON "Complaint"("intakeAuthorityId", "filedAt", "id");
CREATE INDEX "Complaint_subjectId_filedAt_id_idx" ON "Complaint"("subjectId", "filedAt", "id");
CREATE INDEX "Complaint_filedAt_id_idx" ON "Complaint"("filedAt", "id");
