CREATE TABLE `check_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`accommodation_id` text NOT NULL,
	`date` text NOT NULL,
	`whats_working` text,
	`whats_not` text,
	`belonging` integer,
	`engagement` integer,
	`mentor_workload` integer,
	`mentor_confidence` integer,
	`next_steps` text,
	`mentor_id` text,
	`conducted_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`accommodation_id`) REFERENCES `accommodations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`conducted_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `check_ins_accommodation_date_idx` ON `check_ins` (`accommodation_id`,`date`);--> statement-breakpoint
CREATE INDEX `check_ins_mentor_idx` ON `check_ins` (`mentor_id`,`date`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`date` text NOT NULL,
	`interval_seconds` integer NOT NULL,
	`total_intervals` integer NOT NULL,
	`intervals` text NOT NULL,
	`peers_count` integer,
	`setting` text,
	`observed_by` text,
	`note` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`observed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `observations_student_date_idx` ON `observations` (`student_id`,`date`);--> statement-breakpoint
CREATE TABLE `progress_points` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`date` text NOT NULL,
	`value` real NOT NULL,
	`setting` text,
	`collected_by` text,
	`source` text NOT NULL,
	`session_id` text,
	`observation_id` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`collected_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`observation_id`) REFERENCES `observations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `progress_points_goal_date_idx` ON `progress_points` (`goal_id`,`date`);--> statement-breakpoint
CREATE INDEX `progress_points_session_idx` ON `progress_points` (`session_id`);--> statement-breakpoint
CREATE INDEX `progress_points_observation_idx` ON `progress_points` (`observation_id`);--> statement-breakpoint
CREATE TABLE `progress_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`period_label` text NOT NULL,
	`period_ends_on` text NOT NULL,
	`code_set` text NOT NULL,
	`code` text,
	`sufficient` integer,
	`insufficient_reason` text,
	`narrative` text,
	`finalized_at` text,
	`amendments` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_reports_goal_period_idx` ON `progress_reports` (`goal_id`,`period_ends_on`);--> statement-breakpoint
CREATE TABLE `session_goals` (
	`session_id` text NOT NULL,
	`goal_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `goal_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_goals_goal_idx` ON `session_goals` (`goal_id`);--> statement-breakpoint
CREATE TABLE `session_mentors` (
	`session_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `mentor_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_mentors_mentor_idx` ON `session_mentors` (`mentor_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`accommodation_id` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`miss_reason` text,
	`minutes` integer DEFAULT 0 NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`accommodation_id`) REFERENCES `accommodations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_accommodation_date_idx` ON `sessions` (`accommodation_id`,`date`);