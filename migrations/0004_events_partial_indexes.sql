DROP INDEX `events_profile_idx`;--> statement-breakpoint
DROP INDEX `events_anonymous_idx`;--> statement-breakpoint
CREATE INDEX `events_profile_idx` ON `events` (`tenant_id`,`profile_id`,`name`,`occurred_at`) WHERE profile_id is not null;--> statement-breakpoint
CREATE INDEX `events_anonymous_idx` ON `events` (`tenant_id`,`anonymous_id`) WHERE anonymous_id is not null;