CREATE TABLE `blobs` (
	`id` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_name` text NOT NULL,
	`source_key` text NOT NULL,
	`source_blob_id` text,
	`requested_on` text NOT NULL,
	`relation_id` text,
	`matched_by` text,
	`submitted_number` integer,
	`submitted_email` text,
	`submitted_name` text,
	`changes` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`decision` text,
	`reason` text,
	`needs_mandate_proof` integer DEFAULT false NOT NULL,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_requests_source_uq` ON `change_requests` (`source_key`);--> statement-breakpoint
CREATE INDEX `change_requests_status_idx` ON `change_requests` (`status`,`requested_on`);--> statement-breakpoint
CREATE INDEX `change_requests_relation_idx` ON `change_requests` (`relation_id`);--> statement-breakpoint
CREATE TABLE `contact_log` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`who` text,
	`subject` text NOT NULL,
	`body` text,
	`mail_from` text,
	`mail_to` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_log_date_idx` ON `contact_log` (`date`);--> statement-breakpoint
CREATE TABLE `contact_log_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`blob_id` text NOT NULL,
	`size` integer NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `contact_log`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_log_attachments_entry_idx` ON `contact_log_attachments` (`entry_id`);--> statement-breakpoint
CREATE TABLE `contact_log_links` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_id` text NOT NULL,
	`relation_id` text,
	`group_id` text,
	FOREIGN KEY (`entry_id`) REFERENCES `contact_log`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_log_links_entry_idx` ON `contact_log_links` (`entry_id`);--> statement-breakpoint
CREATE INDEX `contact_log_links_relation_idx` ON `contact_log_links` (`relation_id`);--> statement-breakpoint
CREATE INDEX `contact_log_links_group_idx` ON `contact_log_links` (`group_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`relation_id` text NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_attendance_uq` ON `meeting_attendance` (`meeting_id`,`relation_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`group_id` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`place` text,
	`agenda` text DEFAULT '[]' NOT NULL,
	`minutes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_group_idx` ON `meetings` (`group_id`,`date`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`notes` text,
	`due_date` text,
	`assignee` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`recurrence` text DEFAULT 'none' NOT NULL,
	`snoozed_until` text,
	`done_at` text,
	`relation_id` text,
	`group_id` text,
	`log_entry_id` text,
	`system_key` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`log_entry_id`) REFERENCES `contact_log`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_open_idx` ON `tasks` (`done_at`,`due_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_system_uq` ON `tasks` (`system_key`);--> statement-breakpoint
CREATE INDEX `tasks_relation_idx` ON `tasks` (`relation_id`);