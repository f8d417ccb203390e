-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "heads" JSONB NOT NULL,
    "caseCount" INTEGER NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "keyId" TEXT NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex

-- CreateIndex
CREATE INDEX "AuditCheckpoint_createdAt_idx" ON "AuditCheckpoint"("createdAt");

-- Checkpoints are append-only like the events they anchor (the same app.allow_audit_rewrite escape hatch, see
-- 20261129100000_audit_append_only for why the body is an E'' string with \x3B terminators).
CREATE OR REPLACE FUNCTION "audit_checkpoint_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF coalesce(current_setting(''app.allow_audit_rewrite'', true), '''') = ''on'' THEN
    IF TG_OP = ''DELETE'' THEN
      RETURN OLD\x3B
    END IF\x3B
    RETURN NEW\x3B
  END IF\x3B
  RAISE EXCEPTION ''AuditCheckpoint is append-only: % is not allowed'', TG_OP
    USING ERRCODE = ''insufficient_privilege'', HINT = ''Checkpoints are never changed: sign a new one instead.''\x3B
END\x3B
';

CREATE TRIGGER "AuditCheckpoint_append_only_row"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit_checkpoint_append_only"();

CREATE TRIGGER "AuditCheckpoint_append_only_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_checkpoint_append_only"();
