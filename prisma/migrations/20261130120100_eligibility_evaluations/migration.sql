
-- CreateTable
CREATE TABLE "EligibilityEvaluation" (
    "id" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "evaluation" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "askedByRole" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "restriction" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "recordIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EligibilityEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EligibilityEvaluation_subjectId_idx" ON "EligibilityEvaluation"("subjectId");

