CREATE TABLE `accommodation_goals` (
	`accommodation_id` text NOT NULL,
	`goal_id` text NOT NULL,
	PRIMARY KEY(`accommodation_id`, `goal_id`),
	FOREIGN KEY (`accommodation_id`) REFERENCES `accommodations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accommodation_goals_goal_idx` ON `accommodation_goals` (`goal_id`);--> statement-breakpoint
CREATE TABLE `accommodations` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`role` text NOT NULL,
	`setting_class` text NOT NULL,
	`slots` text NOT NULL,
	`sessions_per_week` integer NOT NULL,
	`minutes_per_session` integer NOT NULL,
	`mentors_needed` integer DEFAULT 1 NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accommodations_plan_idx` ON `accommodations` (`plan_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`accommodation_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`end_reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`accommodation_id`) REFERENCES `accommodations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assignments_mentor_idx` ON `assignments` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `assignments_accommodation_idx` ON `assignments` (`accommodation_id`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`area` text NOT NULL,
	`statement` text NOT NULL,
	`measurement` text NOT NULL,
	`baseline` real NOT NULL,
	`target` real NOT NULL,
	`scale_max` real,
	`criterion` text NOT NULL,
	`measured_every` text NOT NULL,
	`reporting_periods` text DEFAULT '[]' NOT NULL,
	`end_date` text NOT NULL,
	`objectives` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goals_plan_idx` ON `goals` (`plan_id`);--> statement-breakpoint
CREATE TABLE `guardians` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`name` text NOT NULL,
	`relationship` text NOT NULL,
	`phone` text,
	`email` text,
	`preferred_language` text DEFAULT 'en' NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guardians_student_idx` ON `guardians` (`student_id`);--> statement-breakpoint
CREATE TABLE `mentor_recognition` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`hours` real,
	`description` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentor_recognition_mentor_idx` ON `mentor_recognition` (`mentor_id`);--> statement-breakpoint
CREATE TABLE `mentor_time_off` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentor_time_off_mentor_idx` ON `mentor_time_off` (`mentor_id`);--> statement-breakpoint
CREATE TABLE `mentor_training` (
	`mentor_id` text NOT NULL,
	`module` text NOT NULL,
	`completed_on` text NOT NULL,
	`expires_on` text,
	PRIMARY KEY(`mentor_id`, `module`),
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mentors` (
	`id` text PRIMARY KEY NOT NULL,
	`local_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`preferred_name` text,
	`grade` integer NOT NULL,
	`school` text NOT NULL,
	`consent_given_on` text,
	`consent_withdrawn_on` text,
	`guardian_consent_given_on` text,
	`guardian_consent_withdrawn_on` text,
	`load_cap` integer DEFAULT 1 NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT '[]' NOT NULL,
	`student_id` text,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `mentors_name_idx` ON `mentors` (`last_name`,`first_name`);--> statement-breakpoint
CREATE UNIQUE INDEX `mentors_local_id_idx` ON `mentors` (`local_id`);--> statement-breakpoint
CREATE TABLE `plan_team` (
	`plan_id` text NOT NULL,
	`staff_id` text NOT NULL,
	PRIMARY KEY(`plan_id`, `staff_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`type` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`amends_id` text,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`annual_review_due` text NOT NULL,
	`reevaluation_due` text,
	`case_manager_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_manager_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plans_student_idx` ON `plans` (`student_id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`local_id` text,
	`slot_id` text,
	`archived_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_local_id_unique` ON `staff` (`local_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_slot_id_unique` ON `staff` (`slot_id`);--> statement-breakpoint
CREATE TABLE `students` (
	`id` text PRIMARY KEY NOT NULL,
	`local_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`preferred_name` text,
	`grade` integer NOT NULL,
	`school` text NOT NULL,
	`date_of_birth` text,
	`case_manager_id` text,
	`status` text DEFAULT 'active' NOT NULL,
	`archived_at` text,
	`no_longer_needed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_manager_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `students_name_idx` ON `students` (`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `students_case_manager_idx` ON `students` (`case_manager_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `students_local_id_live_idx` ON `students` (`local_id`) WHERE status != 'deidentified';--> statement-breakpoint
ALTER TABLE `audit_events` ADD `entity` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `entity_id` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `fields` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `hash` text;--> statement-breakpoint
-- Every team member who already holds a key slot becomes a staff record, so they author changes.
INSERT INTO `staff` (`id`, `name`, `role`, `slot_id`, `created_at`)
SELECT 'staff-' || `slot_id`, `name`, `role`, `slot_id`, `added_at` FROM `vault_members` WHERE `removed_at` IS NULL;
