-- The "one open case per record" indexes treat RECORD_ENDED (a case closed because its record was deleted or revoked)
-- as closed, like CLOSED_OBJECTION_STATUSES and CLOSED_REPAIR_STATUSES in the code (tests/api/open-case-indexes.test.ts).
DROP INDEX IF EXISTS "Objection_one_open_per_record";
CREATE UNIQUE INDEX "Objection_one_open_per_record" ON "Objection"("recordId")
  WHERE "status" NOT IN ('NOT_ACCEPTED', 'WITHDRAWN', 'DECIDED', 'RECORD_ENDED');

DROP INDEX IF EXISTS "RepairApplication_one_open_per_record";
CREATE UNIQUE INDEX "RepairApplication_one_open_per_record" ON "RepairApplication"("recordId")
  WHERE "status" NOT IN ('APPROVED', 'REFUSED', 'NOT_ACCEPTED', 'WITHDRAWN', 'REVOKED', 'RECORD_ENDED');
