-- At most one open credit-repair application per record (like Objection_one_open_per_record: not expressible in the
-- Prisma schema). Closed statuses: CLOSED_REPAIR_STATUSES in workflows/repair/repair-contract.ts.
CREATE UNIQUE INDEX "RepairApplication_one_open_per_record" ON "RepairApplication"("recordId")
  WHERE "status" NOT IN ('APPROVED', 'REFUSED', 'NOT_ACCEPTED', 'WITHDRAWN', 'REVOKED');
