CREATE TABLE `meeting_attendees` (
	`meeting_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `position`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`decision` text NOT NULL,
	`accommodation_id` text,
	`goal_id` text,
	`text` text,
	`created_at` text NOT NULL,
	`applied_at` text,
	`applied_by` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`accommodation_id`) REFERENCES `accommodations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`applied_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meeting_proposals_meeting_idx` ON `meeting_proposals` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`student_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`meeting_date` text NOT NULL,
	`range_from` text NOT NULL,
	`range_to` text NOT NULL,
	`language` text NOT NULL,
	`started_by_slot` text,
	`started_at` text NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`student_id`) REFERENCES `students`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `meetings_student_idx` ON `meetings` (`student_id`);