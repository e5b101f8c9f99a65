-- Hand-written: the audit trail is append-only. Rows of "AuditEvent" can be inserted, never
-- updated or deleted, and the table cannot be truncated. Prisma does not model triggers, so
-- `npm run db:diff` neither generates nor sees these (the schema diff stays empty).
--
-- Note: this also blocks ON DELETE CASCADE / SET NULL reaching "AuditEvent" from other tables
-- (its relation to "Programme" is ON DELETE RESTRICT anyway).

-- CreateFunction
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'Audit events can only be inserted.';
END;
$$;

-- CreateTrigger
CREATE TRIGGER "AuditEvent_no_update"
    BEFORE UPDATE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

-- CreateTrigger
CREATE TRIGGER "AuditEvent_no_delete"
    BEFORE DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

-- CreateTrigger
CREATE TRIGGER "AuditEvent_no_truncate"
    BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
