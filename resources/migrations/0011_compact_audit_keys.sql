-- Compact history, keys (issue 10 item 7): audit rows name their operation by an integer
-- (operations.seq; the UUID is kept once, in operations.id) and store record and relation ids
-- that are UUIDs as 16-byte blobs (db/audit-keys.ts). Every audit row is copied, in order, with
-- its id and its images unchanged; an audit row whose operation is missing makes the migration
-- fail (NOT NULL) instead of losing the row. Foreign keys are off (db/migrate.ts).
-- The audit triggers name the old columns: dropped here, recreated from code on open
-- (installAuditTriggers), as always.
DROP TRIGGER IF EXISTS `audit_relations_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relations_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relations_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_addresses_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_addresses_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_addresses_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_types_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_types_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_types_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_type_assignments_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_type_assignments_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_type_assignments_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_link_types_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_link_types_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_link_types_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_links_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_links_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_links_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_custom_fields_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_custom_fields_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_custom_fields_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_custom_values_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_custom_values_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_custom_values_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_tags_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_tags_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_tags_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_tags_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_tags_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_tags_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_groups_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_groups_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_groups_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_group_roles_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_group_roles_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_group_roles_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_group_members_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_group_members_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_group_members_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_selections_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_selections_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_selections_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_subscription_types_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_subscription_types_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_subscription_types_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_subscriptions_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_subscriptions_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_subscriptions_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_units_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_units_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_units_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_unit_placements_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_unit_placements_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_unit_placements_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_membership_types_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_membership_types_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_membership_types_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_unit_rules_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_unit_rules_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_unit_rules_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_membership_exceptions_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_membership_exceptions_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_membership_exceptions_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_memberships_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_memberships_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_memberships_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_duplicate_dismissals_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_duplicate_dismissals_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_duplicate_dismissals_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_redirects_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_redirects_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_relation_redirects_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_change_requests_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_change_requests_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_change_requests_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_links_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_links_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_links_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_attachments_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_attachments_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contact_log_attachments_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_tasks_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_tasks_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_tasks_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_meetings_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_meetings_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_meetings_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_meeting_attendance_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_meeting_attendance_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_meeting_attendance_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payment_settings_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payment_settings_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payment_settings_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_fee_schedules_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_fee_schedules_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_fee_schedules_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contribution_runs_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contribution_runs_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_contribution_runs_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoices_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoices_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoices_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_lines_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_lines_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_lines_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_instalments_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_instalments_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_instalments_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payments_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payments_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payments_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payment_allocations_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payment_allocations_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_payment_allocations_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_reminders_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_reminders_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_invoice_reminders_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_mandates_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_mandates_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_mandates_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_mandate_amendments_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_mandate_amendments_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_mandate_amendments_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_batches_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_batches_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_batches_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_batch_items_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_batch_items_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_sepa_batch_items_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_statements_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_statements_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_statements_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_entries_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_entries_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_entries_delete`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_returns_insert`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_returns_update`;--> statement-breakpoint
DROP TRIGGER IF EXISTS `audit_bank_returns_delete`;--> statement-breakpoint
CREATE TABLE `__new_operations` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`summary` text
);
--> statement-breakpoint
INSERT INTO `__new_operations` (`id`, `kind`, `actor`, `at`, `summary`) SELECT `id`, `kind`, `actor`, `at`, `summary` FROM `operations` ORDER BY `rowid`;--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operation` integer NOT NULL,
	`table_name` text NOT NULL,
	`record_id` blob NOT NULL,
	`relation_id` blob,
	`action` text NOT NULL,
	`field` text,
	`old_value` text,
	`new_value` text,
	FOREIGN KEY (`operation`) REFERENCES `operations`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_audit_log` (`id`, `operation`, `table_name`, `record_id`, `relation_id`, `action`, `field`, `old_value`, `new_value`)
  SELECT l.id, (SELECT o.seq FROM `__new_operations` o WHERE o.id = l.operation_id), l.table_name,
         CASE WHEN l.record_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]' THEN unhex(replace(l.record_id, '-', '')) ELSE l.record_id END,
         CASE WHEN l.relation_id GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]' THEN unhex(replace(l.relation_id, '-', '')) ELSE l.relation_id END,
         l.action, l.field, l.old_value, l.new_value
    FROM `audit_log` l ORDER BY l.id;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
DROP TABLE `operations`;--> statement-breakpoint
ALTER TABLE `__new_operations` RENAME TO `operations`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE UNIQUE INDEX `operations_id_unique` ON `operations` (`id`);--> statement-breakpoint
CREATE INDEX `operations_at_idx` ON `operations` (`at`);--> statement-breakpoint
CREATE INDEX `audit_relation_idx` ON `audit_log` (`relation_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_record_idx` ON `audit_log` (`table_name`,`record_id`);--> statement-breakpoint
CREATE INDEX `audit_operation_idx` ON `audit_log` (`operation`);--> statement-breakpoint
CREATE TABLE `__new_audit_context` (
	`id` integer PRIMARY KEY NOT NULL,
	`operation` integer
);
--> statement-breakpoint
INSERT INTO `__new_audit_context` (`id`, `operation`) SELECT `id`, NULL FROM `audit_context`;--> statement-breakpoint
DROP TABLE `audit_context`;--> statement-breakpoint
ALTER TABLE `__new_audit_context` RENAME TO `audit_context`;
