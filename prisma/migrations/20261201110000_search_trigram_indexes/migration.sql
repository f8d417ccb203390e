-- Substring search of the console's inbox (GET /work-items q) with LIKE '%...%' reads trigram indexes (pg_trgm, GIN)
-- instead of every row: subject name and credit code, record 文书编号 and id, case ids.
-- The indexes are on lower(column), and the search compares lower(column) LIKE lower(pattern): an index on the bare
-- column would also serve "=" (gin_trgm_ops supports equality), and PostgreSQL then picks it over the btree for
-- id lookups in joins, which is far slower. Expression indexes are not expressible in schema.prisma.
-- Trigrams of Chinese text need a UTF-8 database whose LC_CTYPE classifies CJK characters as letters (C.UTF-8,
-- en_US.UTF-8 and zh_CN.UTF-8 do, plain C does not).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Subject_name_trgm_idx" ON "Subject" USING GIN (lower("name") gin_trgm_ops);
CREATE INDEX "Subject_creditCode_trgm_idx" ON "Subject" USING GIN (lower("creditCode") gin_trgm_ops);
CREATE INDEX "DishonestyRecord_documentNumber_trgm_idx" ON "DishonestyRecord" USING GIN (lower("documentNumber") gin_trgm_ops);
CREATE INDEX "DishonestyRecord_id_trgm_idx" ON "DishonestyRecord" USING GIN (lower("id") gin_trgm_ops);
CREATE INDEX "Objection_id_trgm_idx" ON "Objection" USING GIN (lower("id") gin_trgm_ops);
CREATE INDEX "Rectification_id_trgm_idx" ON "Rectification" USING GIN (lower("id") gin_trgm_ops);
CREATE INDEX "RepairApplication_id_trgm_idx" ON "RepairApplication" USING GIN (lower("id") gin_trgm_ops);
