-- The authority of the record copied onto each case row (backfilled from the record, whose authority never
-- changes), so staff lists scope by a column of the case, and composite indexes for every list scope, filter
-- and keyset order (see api/cases/case-list.ts).
-- DropIndex
DROP INDEX "DishonestyRecord_subjectId_idx";

-- DropIndex
DROP INDEX "Objection_status_idx";

-- DropIndex
DROP INDEX "Objection_subjectId_idx";

-- DropIndex
DROP INDEX "Rectification_status_idx";

-- DropIndex
DROP INDEX "Rectification_subjectId_idx";

-- DropIndex
DROP INDEX "RepairApplication_subjectId_idx";

-- DropIndex
DROP INDEX "RepairApplication_status_idx";

-- AlterTable
ALTER TABLE "Objection" ADD COLUMN "authorityId" TEXT;
UPDATE "Objection" c SET "authorityId" = d."authorityId" FROM "DishonestyRecord" d WHERE d."id" = c."recordId";
ALTER TABLE "Objection" ALTER COLUMN "authorityId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Rectification" ADD COLUMN "authorityId" TEXT;
UPDATE "Rectification" c SET "authorityId" = d."authorityId" FROM "DishonestyRecord" d WHERE d."id" = c."recordId";
ALTER TABLE "Rectification" ALTER COLUMN "authorityId" SET NOT NULL;

-- AlterTable
ALTER TABLE "RepairApplication" ADD COLUMN "authorityId" TEXT;
UPDATE "RepairApplication" c SET "authorityId" = d."authorityId" FROM "DishonestyRecord" d WHERE d."id" = c."recordId";
ALTER TABLE "RepairApplication" ALTER COLUMN "authorityId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "DishonestyRecord_authorityId_decisionDate_id_idx" ON "DishonestyRecord"("authorityId", "decisionDate", "id");

-- CreateIndex
CREATE INDEX "DishonestyRecord_subjectId_decisionDate_id_idx" ON "DishonestyRecord"("subjectId", "decisionDate", "id");

-- CreateIndex
CREATE INDEX "DishonestyRecord_decisionDate_id_idx" ON "DishonestyRecord"("decisionDate", "id");

-- CreateIndex
CREATE INDEX "Objection_recordId_idx" ON "Objection"("recordId");

-- CreateIndex
CREATE INDEX "Objection_authorityId_filedAt_id_idx" ON "Objection"("authorityId", "filedAt", "id");

-- CreateIndex
CREATE INDEX "Objection_authorityId_status_filedAt_id_idx" ON "Objection"("authorityId", "status", "filedAt", "id");

-- CreateIndex
CREATE INDEX "Objection_subjectId_filedAt_id_idx" ON "Objection"("subjectId", "filedAt", "id");

-- CreateIndex
CREATE INDEX "Objection_status_filedAt_id_idx" ON "Objection"("status", "filedAt", "id");

-- CreateIndex
CREATE INDEX "Objection_filedAt_id_idx" ON "Objection"("filedAt", "id");

-- CreateIndex
CREATE INDEX "Rectification_authorityId_openedAt_id_idx" ON "Rectification"("authorityId", "openedAt", "id");

-- CreateIndex
CREATE INDEX "Rectification_authorityId_status_openedAt_id_idx" ON "Rectification"("authorityId", "status", "openedAt", "id");

-- CreateIndex
CREATE INDEX "Rectification_subjectId_openedAt_id_idx" ON "Rectification"("subjectId", "openedAt", "id");

-- CreateIndex
CREATE INDEX "Rectification_status_openedAt_id_idx" ON "Rectification"("status", "openedAt", "id");

-- CreateIndex
CREATE INDEX "Rectification_openedAt_id_idx" ON "Rectification"("openedAt", "id");

-- CreateIndex
CREATE INDEX "RepairApplication_authorityId_filedAt_id_idx" ON "RepairApplication"("authorityId", "filedAt", "id");

-- CreateIndex
CREATE INDEX "RepairApplication_authorityId_status_filedAt_id_idx" ON "RepairApplication"("authorityId", "status", "filedAt", "id");

-- CreateIndex
CREATE INDEX "RepairApplication_subjectId_filedAt_id_idx" ON "RepairApplication"("subjectId", "filedAt", "id");

-- CreateIndex
CREATE INDEX "RepairApplication_status_filedAt_id_idx" ON "RepairApplication"("status", "filedAt", "id");

-- CreateIndex
CREATE INDEX "RepairApplication_filedAt_id_idx" ON "RepairApplication"("filedAt", "id");

