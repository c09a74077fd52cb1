CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `scope`, `key`)
);
--> statement-breakpoint
ALTER TABLE `mentions` ADD `query` text;--> statement-breakpoint
CREATE INDEX `products_handle_idx` ON `products` (`tenant_id`,`handle`);