-- Compact history, codes (issue 10 item 7): audit rows store the table and the action as small
-- integers (db/audit-codes.ts, append only): table_code and action_code. table_name and action
-- stay readable as VIRTUAL generated columns, computed from the codes and never stored; the
-- record index is on (table_code, record_id). A table name without a code stays as its text.
-- Every audit row is copied, in order, with its id, operation, keys and images unchanged; a
-- row whose action is not one of the three fails the migration (NOT NULL) instead of being lost.
-- Foreign keys are off (db/migrate.ts). The audit triggers name the old columns: dropped here,
-- recreated from code on open (installAuditTriggers), as always.
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
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operation` integer NOT NULL,
	`table_code` integer NOT NULL,
	`table_name` text GENERATED ALWAYS AS (CASE table_code WHEN 1 THEN 'relations' WHEN 2 THEN 'addresses' WHEN 3 THEN 'relation_types' WHEN 4 THEN 'relation_type_assignments' WHEN 5 THEN 'link_types' WHEN 6 THEN 'relation_links' WHEN 7 THEN 'custom_fields' WHEN 8 THEN 'custom_values' WHEN 9 THEN 'tags' WHEN 10 THEN 'relation_tags' WHEN 11 THEN 'groups' WHEN 12 THEN 'group_roles' WHEN 13 THEN 'group_members' WHEN 14 THEN 'selections' WHEN 15 THEN 'subscription_types' WHEN 16 THEN 'subscriptions' WHEN 17 THEN 'units' WHEN 18 THEN 'unit_placements' WHEN 19 THEN 'membership_types' WHEN 20 THEN 'unit_rules' WHEN 21 THEN 'membership_exceptions' WHEN 22 THEN 'memberships' WHEN 23 THEN 'duplicate_dismissals' WHEN 24 THEN 'relation_redirects' WHEN 25 THEN 'change_requests' WHEN 26 THEN 'contact_log' WHEN 27 THEN 'contact_log_links' WHEN 28 THEN 'contact_log_attachments' WHEN 29 THEN 'tasks' WHEN 30 THEN 'meetings' WHEN 31 THEN 'meeting_attendance' WHEN 32 THEN 'payment_settings' WHEN 33 THEN 'fee_schedules' WHEN 34 THEN 'contribution_runs' WHEN 35 THEN 'invoices' WHEN 36 THEN 'invoice_lines' WHEN 37 THEN 'invoice_instalments' WHEN 38 THEN 'payments' WHEN 39 THEN 'payment_allocations' WHEN 40 THEN 'invoice_reminders' WHEN 41 THEN 'sepa_mandates' WHEN 42 THEN 'sepa_mandate_amendments' WHEN 43 THEN 'sepa_batches' WHEN 44 THEN 'sepa_batch_items' WHEN 45 THEN 'bank_statements' WHEN 46 THEN 'bank_entries' WHEN 47 THEN 'bank_returns' ELSE table_code END) VIRTUAL,
	`record_id` blob NOT NULL,
	`relation_id` blob,
	`action_code` integer NOT NULL,
	`action` text GENERATED ALWAYS AS (CASE action_code WHEN 0 THEN 'insert' WHEN 1 THEN 'update' WHEN 2 THEN 'delete' END) VIRTUAL,
	`field` text,
	`old_value` text,
	`new_value` text,
	FOREIGN KEY (`operation`) REFERENCES `operations`(`seq`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_audit_log` (`id`, `operation`, `table_code`, `record_id`, `relation_id`, `action_code`, `field`, `old_value`, `new_value`)
  SELECT l.id, l.operation, CASE l.table_name WHEN 'relations' THEN 1 WHEN 'addresses' THEN 2 WHEN 'relation_types' THEN 3 WHEN 'relation_type_assignments' THEN 4 WHEN 'link_types' THEN 5 WHEN 'relation_links' THEN 6 WHEN 'custom_fields' THEN 7 WHEN 'custom_values' THEN 8 WHEN 'tags' THEN 9 WHEN 'relation_tags' THEN 10 WHEN 'groups' THEN 11 WHEN 'group_roles' THEN 12 WHEN 'group_members' THEN 13 WHEN 'selections' THEN 14 WHEN 'subscription_types' THEN 15 WHEN 'subscriptions' THEN 16 WHEN 'units' THEN 17 WHEN 'unit_placements' THEN 18 WHEN 'membership_types' THEN 19 WHEN 'unit_rules' THEN 20 WHEN 'membership_exceptions' THEN 21 WHEN 'memberships' THEN 22 WHEN 'duplicate_dismissals' THEN 23 WHEN 'relation_redirects' THEN 24 WHEN 'change_requests' THEN 25 WHEN 'contact_log' THEN 26 WHEN 'contact_log_links' THEN 27 WHEN 'contact_log_attachments' THEN 28 WHEN 'tasks' THEN 29 WHEN 'meetings' THEN 30 WHEN 'meeting_attendance' THEN 31 WHEN 'payment_settings' THEN 32 WHEN 'fee_schedules' THEN 33 WHEN 'contribution_runs' THEN 34 WHEN 'invoices' THEN 35 WHEN 'invoice_lines' THEN 36 WHEN 'invoice_instalments' THEN 37 WHEN 'payments' THEN 38 WHEN 'payment_allocations' THEN 39 WHEN 'invoice_reminders' THEN 40 WHEN 'sepa_mandates' THEN 41 WHEN 'sepa_mandate_amendments' THEN 42 WHEN 'sepa_batches' THEN 43 WHEN 'sepa_batch_items' THEN 44 WHEN 'bank_statements' THEN 45 WHEN 'bank_entries' THEN 46 WHEN 'bank_returns' THEN 47 ELSE l.table_name END, l.record_id, l.relation_id,
         CASE l.action WHEN 'insert' THEN 0 WHEN 'update' THEN 1 WHEN 'delete' THEN 2 END, l.field, l.old_value, l.new_value
    FROM `audit_log` l ORDER BY l.id;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
CREATE INDEX `audit_relation_idx` ON `audit_log` (`relation_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_record_idx` ON `audit_log` (`table_code`,`record_id`);--> statement-breakpoint
CREATE INDEX `audit_operation_idx` ON `audit_log` (`operation`);
