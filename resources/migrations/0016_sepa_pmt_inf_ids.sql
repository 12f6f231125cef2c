-- A batch records its PmtInfIds itself (what a statement's batch entry names), and the items are
-- found by PmtInfId through their own index: the old index led with batch_id, so expanding a
-- batch entry read every item ever exported. The update trigger is set aside for the backfill
-- (the audit triggers are recreated after every migration, db/audit-triggers.ts).
ALTER TABLE `sepa_batches` ADD `pmt_inf_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_sepa_batches_update;--> statement-breakpoint
UPDATE `sepa_batches` SET `pmt_inf_ids` = (SELECT json_group_array(p) FROM (SELECT pmt_inf_id AS p FROM sepa_batch_items WHERE batch_id = sepa_batches.id GROUP BY pmt_inf_id ORDER BY min(rowid))) WHERE EXISTS (SELECT 1 FROM sepa_batch_items WHERE batch_id = sepa_batches.id);--> statement-breakpoint
DROP INDEX `sepa_batch_items_batch_idx`;--> statement-breakpoint
CREATE INDEX `sepa_batch_items_pmt_inf_idx` ON `sepa_batch_items` (`pmt_inf_id`);
