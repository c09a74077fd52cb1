ALTER TABLE `segments` ADD `push_claim` text;--> statement-breakpoint
ALTER TABLE `segments` ADD `push_claimed_until` integer;--> statement-breakpoint
CREATE INDEX `segment_memberships_entered_idx` ON `segment_memberships` (`tenant_id`,`segment_id`,`entered_at`);