CREATE TABLE `backups` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`made_at` text NOT NULL,
	`bytes` integer NOT NULL,
	`made_by_slot` text
);
