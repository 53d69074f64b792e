CREATE TABLE `removed_records` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`counts` text NOT NULL,
	`content` text NOT NULL,
	`removed_at` text NOT NULL,
	`removed_by_slot` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `removed_records_plan_idx` ON `removed_records` (`plan_id`);--> statement-breakpoint
-- Hand-written (drizzle-kit does not manage triggers): de-identifying a student empties the trash of
-- their plans, since the kept rows hold goal text and notes the scrubber does not read.
CREATE TRIGGER `removed_records_forget_deidentified_student` AFTER UPDATE OF `status` ON `students`
WHEN NEW.`status` = 'deidentified'
BEGIN
	DELETE FROM `removed_records` WHERE `plan_id` IN (SELECT `id` FROM `plans` WHERE `student_id` = NEW.`id`);
END;
