-- The audit trail (CaseEvent) is append-only for the application: UPDATE, DELETE and TRUNCATE raise, unless the
-- session or transaction sets app.allow_audit_rewrite = 'on' (a deliberate, reviewable act: tests that tamper with a
-- row to prove verification catches it use SET LOCAL in their transaction). Together with the hash chain
-- (prevHash/hash, verified by scripts/verify-audit.ts) a rewrite that bypasses this guard is still detected.
--
-- Prisma's driver-adapter migration runner splits a script at every semicolon, even inside quotes, so the
-- function body is an E'' string whose statement terminators are written \x3B. It reads:
--   BEGIN
--     IF coalesce(current_setting('app.allow_audit_rewrite', true), '') = 'on' THEN
--       IF TG_OP = 'DELETE' THEN RETURN OLD END IF  RETURN NEW
--     END IF
--     RAISE EXCEPTION 'CaseEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege', ...
--   END

CREATE OR REPLACE FUNCTION "case_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF coalesce(current_setting(''app.allow_audit_rewrite'', true), '''') = ''on'' THEN
    IF TG_OP = ''DELETE'' THEN
      RETURN OLD\x3B
    END IF\x3B
    RETURN NEW\x3B
  END IF\x3B
  RAISE EXCEPTION ''CaseEvent is append-only: % is not allowed'', TG_OP
    USING ERRCODE = ''insufficient_privilege'', HINT = ''Audit events are never changed: append a new event instead.''\x3B
END\x3B
';

CREATE TRIGGER "CaseEvent_append_only_row"
  BEFORE UPDATE OR DELETE ON "CaseEvent"
  FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"();

CREATE TRIGGER "CaseEvent_append_only_truncate"
  BEFORE TRUNCATE ON "CaseEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "case_event_append_only"();
