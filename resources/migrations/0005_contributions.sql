CREATE TABLE `contribution_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`period_code` text NOT NULL,
	`schedule_id` text NOT NULL,
	`invoice_date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`invoice_count` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`schedule_id`) REFERENCES `fee_schedules`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `contribution_runs_period_idx` ON `contribution_runs` (`period_code`);--> statement-breakpoint
CREATE TABLE `fee_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`period_code` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fee_schedules_period_version_uq` ON `fee_schedules` (`period_code`,`version`);--> statement-breakpoint
CREATE TABLE `invoice_instalments` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`sequence` integer NOT NULL,
	`due_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invoice_instalments_invoice_idx` ON `invoice_instalments` (`invoice_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`member_relation_id` text,
	`period_code` text,
	`membership_type_code` text,
	`charge_code` text,
	`description` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`vat_rate` integer,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice_idx` ON `invoice_lines` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `invoice_lines_member_idx` ON `invoice_lines` (`member_relation_id`,`period_code`);--> statement-breakpoint
CREATE TABLE `invoice_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`invoice_id` text NOT NULL,
	`stage` integer NOT NULL,
	`reminder_date` text NOT NULL,
	`deadline` text NOT NULL,
	`open_cents` integer NOT NULL,
	`stated_costs_cents` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `invoice_reminders_invoice_idx` ON `invoice_reminders` (`invoice_id`,`stage`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`relation_id` text NOT NULL,
	`run_id` text,
	`kind` text DEFAULT 'invoice' NOT NULL,
	`credits_invoice_id` text,
	`invoice_date` text NOT NULL,
	`due_date` text NOT NULL,
	`payment_method` text NOT NULL,
	`payment_reference` text NOT NULL,
	`end_to_end_id` text,
	`description` text,
	`total_cents` integer NOT NULL,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`run_id`) REFERENCES `contribution_runs`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`credits_invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_number_uq` ON `invoices` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_year_sequence_uq` ON `invoices` (`year`,`sequence`);--> statement-breakpoint
CREATE INDEX `invoices_relation_idx` ON `invoices` (`relation_id`);--> statement-breakpoint
CREATE INDEX `invoices_run_idx` ON `invoices` (`run_id`);--> statement-breakpoint
CREATE INDEX `invoices_credits_idx` ON `invoices` (`credits_invoice_id`);--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`invoice_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invoice_id`) REFERENCES `invoices`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `payment_allocations_payment_idx` ON `payment_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_invoice_idx` ON `payment_allocations` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `payment_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`method` text NOT NULL,
	`frequency` text DEFAULT 'jaar' NOT NULL,
	`payer_relation_id` text,
	`exempt` integer DEFAULT false NOT NULL,
	`exempt_reason` text,
	`override_cents` integer,
	`override_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`payer_relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_settings_relation_uq` ON `payment_settings` (`relation_id`);--> statement-breakpoint
CREATE INDEX `payment_settings_payer_idx` ON `payment_settings` (`payer_relation_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text,
	`payment_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text DEFAULT 'bank' NOT NULL,
	`reference` text,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `payments_relation_idx` ON `payments` (`relation_id`,`payment_date`);