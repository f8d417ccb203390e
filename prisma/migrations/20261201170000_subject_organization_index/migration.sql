-- The public search (GET /public/records q) finds a civil servant's records by their organisation: the civil servants
-- of the bodies it matched are read by this index, not by scanning every subject.
CREATE INDEX "Subject_organizationId_idx" ON "Subject"("organizationId");
