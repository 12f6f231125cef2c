CREATE TABLE `derived_state` (
	`name` text PRIMARY KEY NOT NULL,
	`data` blob NOT NULL
);
