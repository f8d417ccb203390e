-- policyArea of records: from a free tag to the PolicyArea enum (every value written so far is one of its members)
ALTER TABLE "DishonestyRecord" ALTER COLUMN "policyArea" TYPE "PolicyArea" USING ("policyArea"::"PolicyArea");

CREATE INDEX "DishonestyRecord_policyArea_decisionDate_id_idx" ON "DishonestyRecord"("policyArea", "decisionDate", "id");
