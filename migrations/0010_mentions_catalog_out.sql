CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`route` text NOT NULL,
	`key` text NOT NULL,
	`body_digest` text NOT NULL,
	`status` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `route`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `mentions` ADD `query` text;--> statement-breakpoint
ALTER TABLE `products` ADD `outbound_requested_at` integer;--> statement-breakpoint
CREATE INDEX `products_handle_idx` ON `products` (`tenant_id`,`handle`);