-- CreateTable
CREATE TABLE "LocalAccount" (
    "userId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LocalAccount_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsoleSession_userId_idx" ON "ConsoleSession"("userId");

-- CreateIndex
CREATE INDEX "ConsoleSession_expiresAt_idx" ON "ConsoleSession"("expiresAt");


-- Open cases only, for the dashboard's aggregates (GET /stats/cases): index-only scans over the few open cases
-- instead of sequential scans over every case ever filed. Partial indexes are not expressible in schema.prisma.
CREATE INDEX "Objection_open_stats_idx" ON "Objection" ("status", "dueAt", "escalated") WHERE "closedAt" IS NULL;
CREATE INDEX "Rectification_open_stats_idx" ON "Rectification" ("status", "dueAt", "escalationLevel") WHERE "closedAt" IS NULL;
CREATE INDEX "RepairApplication_open_stats_idx" ON "RepairApplication" ("status", "dueAt", "escalated", "clockPaused") WHERE "closedAt" IS NULL;
