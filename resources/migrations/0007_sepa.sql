CREATE TABLE `sepa_batch_items` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`pmt_inf_id` text NOT NULL,
	`collection_date` text NOT NULL,
	`sequence_type` text,
	`end_to_end_id` text NOT NULL,
	`invoice_id` text,
	`relation_id` text NOT NULL,
	`mandate_id` text,
	`iban` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`remittance` text,
	FOREIGN KEY (`batch_id`) REFERENCES `sepa_batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mandate_id`) REFERENCES `sepa_mandates`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sepa_batch_items_e2e_uq` ON `sepa_batch_items` (`end_to_end_id`);--> statement-breakpoint
CREATE INDEX `sepa_batch_items_batch_idx` ON `sepa_batch_items` (`batch_id`,`pmt_inf_id`);--> statement-breakpoint
CREATE INDEX `sepa_batch_items_invoice_idx` ON `sepa_batch_items` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `sepa_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`run_id` text,
	`message_version` text NOT NULL,
	`msg_id` text NOT NULL,
	`file_hash` text,
	`file_name` text,
	`transaction_count` integer NOT NULL,
	`control_sum_cents` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`retry_of_batch_id` text,
	`created_at` integer NOT NULL,
	`exported_at` integer,
	FOREIGN KEY (`run_id`) REFERENCES `contribution_runs`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sepa_batches_msg_id_uq` ON `sepa_batches` (`msg_id`);--> statement-breakpoint
CREATE INDEX `sepa_batches_run_idx` ON `sepa_batches` (`run_id`);--> statement-breakpoint
CREATE TABLE `sepa_mandate_amendments` (
	`id` text PRIMARY KEY NOT NULL,
	`mandate_id` text NOT NULL,
	`amended_on` text NOT NULL,
	`kind` text NOT NULL,
	`previous_value` text NOT NULL,
	`evidence_blob_id` text,
	`note` text,
	`reported_in_batch_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`mandate_id`) REFERENCES `sepa_mandates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sepa_mandate_amendments_mandate_idx` ON `sepa_mandate_amendments` (`mandate_id`);--> statement-breakpoint
CREATE TABLE `sepa_mandates` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`reference` text NOT NULL,
	`signed_on` text NOT NULL,
	`iban` text NOT NULL,
	`bic` text,
	`kind` text DEFAULT 'RCUR' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`ended_on` text,
	`end_reason` text,
	`last_used_on` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sepa_mandates_reference_uq` ON `sepa_mandates` (`reference`);--> statement-breakpoint
CREATE INDEX `sepa_mandates_relation_idx` ON `sepa_mandates` (`relation_id`,`status`);