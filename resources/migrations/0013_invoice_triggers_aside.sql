-- The next migration drops invoices.end_to_end_id, and SQLite refuses to drop a column a
-- trigger names. The audit triggers are generated from the schema and recreated after every
-- migration (db/audit-triggers.ts installAuditTriggers), so they are set aside here.
DROP TRIGGER IF EXISTS audit_invoices_insert;--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_invoices_update;--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_invoices_delete;
