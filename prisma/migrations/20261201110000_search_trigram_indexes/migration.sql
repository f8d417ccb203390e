-- Substring search of the console (GET /work-items q, GET /public/records q) with ILIKE '%...%' reads trigram
-- indexes (pg_trgm, GIN) instead of every row: subject name and credit code, record 文书编号 and id, case ids.
-- Trigrams of Chinese text need a UTF-8 database whose LC_CTYPE classifies CJK characters as letters (C.UTF-8,
-- en_US.UTF-8, zh_CN.UTF-8 do, plain C does not).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Subject_name_trgm_idx" ON "Subject" USING GIN ("name" gin_trgm_ops);
CREATE INDEX "Subject_creditCode_trgm_idx" ON "Subject" USING GIN ("creditCode" gin_trgm_ops);
CREATE INDEX "DishonestyRecord_documentNumber_trgm_idx" ON "DishonestyRecord" USING GIN ("documentNumber" gin_trgm_ops);
CREATE INDEX "DishonestyRecord_id_trgm_idx" ON "DishonestyRecord" USING GIN ("id" gin_trgm_ops);
CREATE INDEX "Objection_id_trgm_idx" ON "Objection" USING GIN ("id" gin_trgm_ops);
CREATE INDEX "Rectification_id_trgm_idx" ON "Rectification" USING GIN ("id" gin_trgm_ops);
CREATE INDEX "RepairApplication_id_trgm_idx" ON "RepairApplication" USING GIN ("id" gin_trgm_ops);
