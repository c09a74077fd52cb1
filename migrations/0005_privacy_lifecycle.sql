CREATE TABLE `redacted_subjects` (
	`tenant_id` text NOT NULL,
	`subject_hash` text NOT NULL,
	`redacted_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `subject_hash`)
);
--> statement-breakpoint
CREATE TABLE `shop_tombstones` (
	`shop_hash` text PRIMARY KEY NOT NULL,
	`redacted_at` integer NOT NULL,
	`trial_days_used` integer
);
--> statement-breakpoint
CREATE TABLE `tenant_tombstones` (
	`tenant_hash` text PRIMARY KEY NOT NULL,
	`redacted_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `privacy_requests_tenant_idx`;--> statement-breakpoint
ALTER TABLE `privacy_requests` ADD `result` text;--> statement-breakpoint
ALTER TABLE `privacy_requests` ADD `failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `privacy_requests` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `privacy_requests` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `privacy_requests` ADD `at_risk_at` integer;--> statement-breakpoint
CREATE INDEX `privacy_requests_tenant_idx` ON `privacy_requests` (`tenant_id`,`received_at`);--> statement-breakpoint
ALTER TABLE `tenant_settings` ADD `event_retention_days` integer DEFAULT 400 NOT NULL;--> statement-breakpoint
ALTER TABLE `ingest_payloads` ADD `shop_domain` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `shop_domain` text;--> statement-breakpoint
UPDATE `privacy_requests` SET `status` = 'received', `at_risk_at` = `received_at` + 2160000000 WHERE `status` = 'at_risk';