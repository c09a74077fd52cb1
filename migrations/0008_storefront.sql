CREATE TABLE `recommendation_refreshes` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`refreshed_at` integer NOT NULL,
	`orders_updated_at` integer,
	`orders` integer NOT NULL,
	`rows` integer NOT NULL,
	`ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recommendation_scores` (
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`anchor` text NOT NULL,
	`product_id` text NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`, `anchor`, `product_id`)
);
--> statement-breakpoint
CREATE INDEX `recommendation_scores_rank_idx` ON `recommendation_scores` (`tenant_id`,`kind`,`anchor`,`weight`);--> statement-breakpoint
ALTER TABLE `landing_pages` ADD `status` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `landing_pages` ADD `blocks` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `landing_pages` ADD `segment_blocks` text;--> statement-breakpoint
ALTER TABLE `landing_pages` ADD `products` text DEFAULT '{"mode":"rule","rule":"personal","limit":4}' NOT NULL;--> statement-breakpoint
ALTER TABLE `landing_pages` ADD `published_at` integer;--> statement-breakpoint
CREATE INDEX `segment_memberships_member_idx` ON `segment_memberships` (`tenant_id`,`member_id`) WHERE left_at is null;