CREATE TABLE `addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`type` text NOT NULL,
	`street` text,
	`house_number` integer,
	`house_letter` text,
	`house_number_suffix` text,
	`po_box` text,
	`postcode` text,
	`city` text,
	`municipality` text,
	`province` text,
	`country` text DEFAULT 'NL' NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `addresses_relation_idx` ON `addresses` (`relation_id`,`valid_from`);--> statement-breakpoint
CREATE TABLE `custom_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`applies_to` text DEFAULT 'both' NOT NULL,
	`data_type` text NOT NULL,
	`options` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_fields_code_uq` ON `custom_fields` (`code`);--> statement-breakpoint
CREATE TABLE `custom_values` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`field_id` text NOT NULL,
	`value` text NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`field_id`) REFERENCES `custom_fields`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custom_values_uq` ON `custom_values` (`relation_id`,`field_id`);--> statement-breakpoint
CREATE INDEX `custom_values_field_idx` ON `custom_values` (`field_id`,`value`);--> statement-breakpoint
CREATE TABLE `link_types` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`reverse_name` text NOT NULL,
	`from_kind` text DEFAULT 'both' NOT NULL,
	`to_kind` text DEFAULT 'both' NOT NULL,
	`symmetric` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `link_types_code_uq` ON `link_types` (`code`);--> statement-breakpoint
CREATE TABLE `relation_links` (
	`id` text PRIMARY KEY NOT NULL,
	`link_type_id` text NOT NULL,
	`from_relation_id` text NOT NULL,
	`to_relation_id` text NOT NULL,
	`function` text,
	`valid_from` text,
	`valid_to` text,
	`notes` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`link_type_id`) REFERENCES `link_types`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`from_relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `links_from_idx` ON `relation_links` (`from_relation_id`);--> statement-breakpoint
CREATE INDEX `links_to_idx` ON `relation_links` (`to_relation_id`);--> statement-breakpoint
CREATE INDEX `links_type_idx` ON `relation_links` (`link_type_id`);--> statement-breakpoint
CREATE TABLE `relation_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`tag_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relation_tags_uq` ON `relation_tags` (`relation_id`,`tag_id`);--> statement-breakpoint
CREATE INDEX `relation_tags_tag_idx` ON `relation_tags` (`tag_id`);--> statement-breakpoint
CREATE TABLE `relation_type_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_id` text NOT NULL,
	`type_id` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`type_id`) REFERENCES `relation_types`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `rta_relation_idx` ON `relation_type_assignments` (`relation_id`);--> statement-breakpoint
CREATE INDEX `rta_type_idx` ON `relation_type_assignments` (`type_id`,`relation_id`);--> statement-breakpoint
CREATE TABLE `relation_types` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`applies_to` text DEFAULT 'both' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relation_types_code_uq` ON `relation_types` (`code`);--> statement-breakpoint
CREATE TABLE `relations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`number` integer NOT NULL,
	`initials` text,
	`first_name` text,
	`infix` text,
	`last_name` text,
	`exact_name` integer DEFAULT false NOT NULL,
	`gender` text,
	`address_form` text,
	`birth_date` text,
	`death_date` text,
	`name` text,
	`legal_form` text,
	`kvk_number` text,
	`email_domain` text,
	`email` text,
	`email2` text,
	`phone` text,
	`mobile` text,
	`website` text,
	`social_links` text,
	`iban` text,
	`bic` text,
	`notes` text,
	`display_name` text NOT NULL,
	`sort_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relations_number_uq` ON `relations` (`number`);--> statement-breakpoint
CREATE INDEX `relations_list_idx` ON `relations` (`deleted_at`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `relations_list_number_idx` ON `relations` (`deleted_at`,`number`);--> statement-breakpoint
CREATE INDEX `relations_list_updated_idx` ON `relations` (`deleted_at`,`updated_at`);--> statement-breakpoint
CREATE INDEX `relations_email_idx` ON `relations` (`email`);--> statement-breakpoint
CREATE INDEX `relations_email_domain_idx` ON `relations` (`email_domain`);--> statement-breakpoint
CREATE INDEX `relations_birth_idx` ON `relations` (`last_name`,`birth_date`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `tags_parent_idx` ON `tags` (`parent_id`);--> statement-breakpoint
CREATE TABLE `audit_context` (
	`id` integer PRIMARY KEY NOT NULL,
	`operation_id` text
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`operation_id` text NOT NULL,
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`relation_id` text,
	`action` text NOT NULL,
	`field` text,
	`old_value` text,
	`new_value` text,
	FOREIGN KEY (`operation_id`) REFERENCES `operations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_relation_idx` ON `audit_log` (`relation_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_record_idx` ON `audit_log` (`table_name`,`record_id`);--> statement-breakpoint
CREATE INDEX `audit_operation_idx` ON `audit_log` (`operation_id`);--> statement-breakpoint
CREATE TABLE `operations` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	`summary` text
);
--> statement-breakpoint
CREATE INDEX `operations_at_idx` ON `operations` (`at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
