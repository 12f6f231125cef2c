DROP INDEX `relations_list_number_idx`;--> statement-breakpoint
DROP INDEX `relations_list_updated_idx`;--> statement-breakpoint
CREATE INDEX `relations_list_kind_idx` ON `relations` (`deleted_at`,`kind`,`sort_key`,`id`);--> statement-breakpoint
CREATE INDEX `relations_list_number_idx` ON `relations` (`deleted_at`,`number`,`id`);--> statement-breakpoint
CREATE INDEX `relations_list_updated_idx` ON `relations` (`deleted_at`,`updated_at`,`id`);