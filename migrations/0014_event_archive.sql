CREATE TABLE `event_archive_parts` (
	`tenant_id` text NOT NULL,
	`date` text NOT NULL,
	`part` integer NOT NULL,
	`status` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`claim` text,
	`claimed_until` integer,
	`created_at` integer NOT NULL,
	`archived_at` integer,
	PRIMARY KEY(`tenant_id`, `date`, `part`)
);
--> statement-breakpoint
CREATE INDEX `event_archive_parts_status_idx` ON `event_archive_parts` (`tenant_id`,`status`);--> statement-breakpoint
ALTER TABLE `tenant_settings` ADD `hot_window_days` integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE `profiles` ADD `archived_event_counts` text;--> statement-breakpoint
ALTER TABLE `profiles` ADD `archived_files` text;