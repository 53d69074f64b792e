ALTER TABLE `accommodations` ADD `amends_id` text;--> statement-breakpoint
ALTER TABLE `goals` ADD `amends_id` text;