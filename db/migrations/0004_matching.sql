CREATE TABLE `match_avoid_pairs` (
	`id` text PRIMARY KEY NOT NULL,
	`mentor_id` text NOT NULL,
	`student_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_avoid_pairs_pair_idx` ON `match_avoid_pairs` (`mentor_id`,`student_id`);--> statement-breakpoint
CREATE INDEX `match_avoid_pairs_student_idx` ON `match_avoid_pairs` (`student_id`);--> statement-breakpoint
CREATE TABLE `match_kept_pairs` (
	`assignment_id` text PRIMARY KEY NOT NULL,
	`marked_on` text NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `match_mentor_profiles` (
	`mentor_id` text PRIMARY KEY NOT NULL,
	`communication` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `match_rejections` (
	`mentor_id` text NOT NULL,
	`accommodation_id` text NOT NULL,
	`rejected_on` text NOT NULL,
	PRIMARY KEY(`mentor_id`, `accommodation_id`),
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`accommodation_id`) REFERENCES `accommodations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `match_student_profiles` (
	`student_id` text PRIMARY KEY NOT NULL,
	`interests` text DEFAULT '[]' NOT NULL,
	`communication` text DEFAULT '[]' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not manage triggers): de-identifying a student keeps program data but
-- not what matching knew about the person, whichever service does the de-identifying.
CREATE TRIGGER `match_forget_deidentified_student` AFTER UPDATE OF `status` ON `students`
WHEN NEW.`status` = 'deidentified'
BEGIN
	DELETE FROM `match_student_profiles` WHERE `student_id` = NEW.`id`;
	DELETE FROM `match_avoid_pairs` WHERE `student_id` = NEW.`id`;
END;
