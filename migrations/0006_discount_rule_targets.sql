CREATE TABLE `shopify_discounts` (
	`tenant_id` text NOT NULL,
	`group_key` text NOT NULL,
	`shopify_discount_gid` text NOT NULL,
	`digest` text NOT NULL,
	`rule_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `group_key`)
);
--> statement-breakpoint
ALTER TABLE `discount_rules` ADD `target` text DEFAULT 'order' NOT NULL;--> statement-breakpoint
ALTER TABLE `discount_rules` ADD `target_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `discount_rules` ADD `minimum_subtotal` text;--> statement-breakpoint
ALTER TABLE `discount_rules` ADD `combines_with` text DEFAULT '{"orderDiscounts":false,"productDiscounts":false,"shippingDiscounts":false}' NOT NULL;