CREATE TABLE `duplicate_dismissals` (
	`id` text PRIMARY KEY NOT NULL,
	`relation_a_id` text NOT NULL,
	`relation_b_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`relation_a_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relation_b_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `duplicate_dismissals_uq` ON `duplicate_dismissals` (`relation_a_id`,`relation_b_id`);--> statement-breakpoint
CREATE INDEX `duplicate_dismissals_b_idx` ON `duplicate_dismissals` (`relation_b_id`);--> statement-breakpoint
CREATE TABLE `relation_redirects` (
	`id` text PRIMARY KEY NOT NULL,
	`old_relation_id` text NOT NULL,
	`old_number` integer NOT NULL,
	`relation_id` text NOT NULL,
	`operation_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `relation_redirects_old_id_uq` ON `relation_redirects` (`old_relation_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `relation_redirects_old_number_uq` ON `relation_redirects` (`old_number`);--> statement-breakpoint
CREATE INDEX `relation_redirects_relation_idx` ON `relation_redirects` (`relation_id`);