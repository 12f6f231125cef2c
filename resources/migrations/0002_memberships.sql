CREATE TABLE `membership_exceptions` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`membership_type_id` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`ignore_base_rule` integer DEFAULT false NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`membership_type_id`) REFERENCES `membership_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `membership_exceptions_relation_idx` ON `membership_exceptions` (`relation_id`);--> statement-breakpoint
CREATE INDEX `membership_exceptions_unit_idx` ON `membership_exceptions` (`unit_id`);--> statement-breakpoint
CREATE TABLE `membership_types` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`base_condition` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_types_code_uq` ON `membership_types` (`code`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`membership_type_id` text NOT NULL,
	`start_date` text,
	`end_date` text,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`membership_type_id`) REFERENCES `membership_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_relation_idx` ON `memberships` (`relation_id`,`unit_id`,`membership_type_id`);--> statement-breakpoint
CREATE INDEX `memberships_unit_idx` ON `memberships` (`unit_id`,`membership_type_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `subscription_types` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_types_code_uq` ON `subscription_types` (`code`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`type_id` text NOT NULL,
	`number` text,
	`quantity` integer DEFAULT 1 NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`end_reason` text,
	`recipients` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`type_id`) REFERENCES `subscription_types`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `subscriptions_relation_idx` ON `subscriptions` (`relation_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_type_idx` ON `subscriptions` (`type_id`,`relation_id`);--> statement-breakpoint
CREATE TABLE `unit_placements` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`parent_id` text,
	`valid_from` text,
	`valid_to` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `unit_placements_unit_idx` ON `unit_placements` (`unit_id`);--> statement-breakpoint
CREATE INDEX `unit_placements_parent_idx` ON `unit_placements` (`parent_id`);--> statement-breakpoint
CREATE TABLE `unit_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`membership_type_id` text,
	`condition` text,
	`valid_from` text,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`membership_type_id`) REFERENCES `membership_types`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unit_rules_unit_idx` ON `unit_rules` (`unit_id`,`membership_type_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text,
	`start_date` text,
	`end_date` text,
	`relation_id` text,
	`members_group_id` text,
	`board_group_id` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`members_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`board_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
