ALTER TABLE `audit_events` ADD `signer` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `signer_seq` integer;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `prev_hash` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `signature` text;--> statement-breakpoint
CREATE INDEX `audit_events_signer_idx` ON `audit_events` (`signer`,`signer_seq`);--> statement-breakpoint
ALTER TABLE `vault_members` ADD `signing_key` text;