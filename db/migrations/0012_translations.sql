CREATE TABLE `translations` (
	`kind` text NOT NULL,
	`source_hash` text NOT NULL,
	`source` text NOT NULL,
	`language` text NOT NULL,
	`translated` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`kind`, `source_hash`, `language`)
);
