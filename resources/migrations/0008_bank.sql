CREATE TABLE `bank_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`statement_id` text NOT NULL,
	`account_iban` text NOT NULL,
	`bank_ref` text NOT NULL,
	`parent_entry_id` text,
	`kind` text NOT NULL,
	`booking_date` text NOT NULL,
	`value_date` text,
	`amount_cents` integer NOT NULL,
	`counterparty_name` text,
	`counterparty_iban` text,
	`end_to_end_id` text,
	`mandate_ref` text,
	`pmt_inf_id` text,
	`structured_ref` text,
	`remittance` text,
	`bank_tx_code` text,
	`return_code` text,
	`status` text NOT NULL,
	`match_rule` text,
	`match_reason` text,
	`relation_id` text,
	`payment_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`statement_id`) REFERENCES `bank_statements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_entries_ref_uq` ON `bank_entries` (`account_iban`,`bank_ref`);--> statement-breakpoint
CREATE INDEX `bank_entries_statement_idx` ON `bank_entries` (`statement_id`);--> statement-breakpoint
CREATE INDEX `bank_entries_status_idx` ON `bank_entries` (`status`,`booking_date`);--> statement-breakpoint
CREATE INDEX `bank_entries_parent_idx` ON `bank_entries` (`parent_entry_id`);--> statement-breakpoint
CREATE TABLE `bank_returns` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`code` text NOT NULL,
	`code_text` text NOT NULL,
	`batch_item_id` text,
	`invoice_id` text,
	`relation_id` text,
	`mandate_id` text,
	`reversal_payment_id` text,
	`mandate_ended` integer DEFAULT false NOT NULL,
	`fee_invoice_id` text,
	`task_key` text,
	`retry` text DEFAULT 'none' NOT NULL,
	`retry_batch_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `bank_entries`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`batch_item_id`) REFERENCES `sepa_batch_items`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mandate_id`) REFERENCES `sepa_mandates`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`reversal_payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`fee_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_returns_entry_uq` ON `bank_returns` (`entry_id`);--> statement-breakpoint
CREATE INDEX `bank_returns_invoice_idx` ON `bank_returns` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `bank_returns_retry_idx` ON `bank_returns` (`retry`);--> statement-breakpoint
CREATE TABLE `bank_statements` (
	`id` text PRIMARY KEY NOT NULL,
	`format` text NOT NULL,
	`dialect` text NOT NULL,
	`account_iban` text NOT NULL,
	`statement_ref` text,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`from_date` text,
	`to_date` text,
	`opening_cents` integer,
	`closing_cents` integer,
	`entry_count` integer NOT NULL,
	`duplicate_count` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bank_statements_account_idx` ON `bank_statements` (`account_iban`,`to_date`);