ALTER TABLE `sepa_batches` ADD `file_blob_id` text;--> statement-breakpoint
ALTER TABLE `invoices` DROP COLUMN `end_to_end_id`;