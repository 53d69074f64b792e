CREATE TABLE `school_calendars` (
	`id` text PRIMARY KEY NOT NULL,
	`school` text NOT NULL,
	`year` text NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`breaks` text DEFAULT '[]' NOT NULL,
	`reporting_periods` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_calendars_school_year_idx` ON `school_calendars` (`school`,`year`);