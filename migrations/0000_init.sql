CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`public_key` text,
	`secret_hash` text,
	`hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	`last_used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_public_key_unique` ON `api_keys` (`public_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret_hash_unique` ON `api_keys` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_tenant_idx` ON `api_keys` (`tenant_id`,`kind`);--> statement-breakpoint
CREATE TABLE `connect_links` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by_shop` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `connect_links_tenant_idx` ON `connect_links` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `shop_credentials` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`shop_domain` text NOT NULL,
	`access_token_ciphertext` text NOT NULL,
	`access_token_expires_at` integer,
	`refresh_token_ciphertext` text,
	`refresh_token_expires_at` integer,
	`scopes` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`tracked_events` text NOT NULL,
	`sampling_percent` integer DEFAULT 100 NOT NULL,
	`product_sync_inbound` integer DEFAULT true NOT NULL,
	`product_sync_outbound` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`shop_domain` text,
	`shop_gid` text,
	`shop_name` text,
	`currency` text,
	`status` text NOT NULL,
	`granted_scopes` text DEFAULT '' NOT NULL,
	`installed_at` integer,
	`uninstalled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_slug_unique` ON `tenants` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_shop_domain_unique` ON `tenants` (`shop_domain`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`key` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`topic` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_tenant_idx` ON `deliveries` (`tenant_id`,`received_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`profile_id` text,
	`anonymous_id` text,
	`dedup_key` text NOT NULL,
	`source_updated_at` integer,
	`properties` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_dedup_idx` ON `events` (`tenant_id`,`dedup_key`);--> statement-breakpoint
CREATE INDEX `events_time_idx` ON `events` (`tenant_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_profile_idx` ON `events` (`tenant_id`,`profile_id`,`name`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_anonymous_idx` ON `events` (`tenant_id`,`anonymous_id`);--> statement-breakpoint
CREATE INDEX `events_name_idx` ON `events` (`tenant_id`,`name`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `ingest_payloads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `checkouts` (
	`tenant_id` text NOT NULL,
	`token` text NOT NULL,
	`cart_token` text,
	`shopify_checkout_id` text,
	`profile_id` text,
	`anonymous_id` text,
	`shopify_order_id` text,
	`total_price` real,
	`currency` text,
	`pixel_enrichment` text,
	`started_at` integer,
	`completed_at` integer,
	`source_updated_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `token`)
);
--> statement-breakpoint
CREATE INDEX `checkouts_profile_idx` ON `checkouts` (`tenant_id`,`profile_id`);--> statement-breakpoint
CREATE INDEX `checkouts_started_idx` ON `checkouts` (`tenant_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `identities` (
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`profile_id` text NOT NULL,
	`linked_by` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`, `value`)
);
--> statement-breakpoint
CREATE INDEX `identities_profile_idx` ON `identities` (`tenant_id`,`profile_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`tenant_id` text NOT NULL,
	`shopify_order_id` text NOT NULL,
	`profile_id` text,
	`shopify_customer_id` text,
	`name` text,
	`currency` text,
	`total_price` real NOT NULL,
	`total_refunded` real DEFAULT 0 NOT NULL,
	`financial_status` text,
	`checkout_token` text,
	`cart_token` text,
	`line_items` text NOT NULL,
	`ordered_at` integer NOT NULL,
	`cancelled_at` integer,
	`source_updated_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `shopify_order_id`)
);
--> statement-breakpoint
CREATE INDEX `orders_profile_idx` ON `orders` (`tenant_id`,`profile_id`,`ordered_at`);--> statement-breakpoint
CREATE INDEX `orders_checkout_idx` ON `orders` (`tenant_id`,`checkout_token`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`shopify_customer_id` text NOT NULL,
	`email` text,
	`phone` text,
	`first_name` text,
	`last_name` text,
	`country` text,
	`tags` text NOT NULL,
	`email_marketing_state` text,
	`sms_marketing_state` text,
	`orders_count` integer DEFAULT 0 NOT NULL,
	`total_spent` real DEFAULT 0 NOT NULL,
	`currency` text,
	`first_order_at` integer,
	`last_order_at` integer,
	`last_seen_at` integer,
	`source_updated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`redacted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `profiles_customer_idx` ON `profiles` (`tenant_id`,`shopify_customer_id`);--> statement-breakpoint
CREATE INDEX `profiles_country_idx` ON `profiles` (`tenant_id`,`country`);--> statement-breakpoint
CREATE INDEX `profiles_spent_idx` ON `profiles` (`tenant_id`,`total_spent`);--> statement-breakpoint
CREATE INDEX `profiles_last_order_idx` ON `profiles` (`tenant_id`,`last_order_at`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`product_id` text NOT NULL,
	`source` text NOT NULL,
	`url` text,
	`dedup_key` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentions_dedup_idx` ON `mentions` (`tenant_id`,`dedup_key`);--> statement-breakpoint
CREATE INDEX `mentions_product_idx` ON `mentions` (`tenant_id`,`product_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`shopify_product_id` text,
	`origin` text NOT NULL,
	`handle` text,
	`title` text NOT NULL,
	`vendor` text,
	`product_type` text,
	`status` text,
	`tags` text NOT NULL,
	`price_min` real,
	`price_max` real,
	`inventory_total` integer,
	`data` text NOT NULL,
	`ai_score` integer,
	`ai_recommendations` text,
	`mention_count_30d` integer DEFAULT 0 NOT NULL,
	`metafields_digest` text,
	`metafields_pushed_at` integer,
	`outbound_state` text,
	`outbound_error` text,
	`source_updated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_shopify_idx` ON `products` (`tenant_id`,`shopify_product_id`);--> statement-breakpoint
CREATE INDEX `products_score_idx` ON `products` (`tenant_id`,`ai_score`);--> statement-breakpoint
CREATE INDEX `products_updated_idx` ON `products` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `discount_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`segment_id` text NOT NULL,
	`title` text NOT NULL,
	`value_type` text NOT NULL,
	`value` text NOT NULL,
	`discount_class` text NOT NULL,
	`shopify_discount_gid` text,
	`status` text NOT NULL,
	`starts_at` integer,
	`ends_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `discount_rules_tenant_idx` ON `discount_rules` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `flow_action_runs` (
	`action_run_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`handle` text NOT NULL,
	`status` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `flow_triggers` (
	`tenant_id` text NOT NULL,
	`handle` text NOT NULL,
	`enabled` integer NOT NULL,
	`definition_id` text,
	`lifecycle_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `handle`)
);
--> statement-breakpoint
CREATE TABLE `landing_pages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`segment_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `landing_pages_slug_idx` ON `landing_pages` (`tenant_id`,`slug`);--> statement-breakpoint
CREATE TABLE `segment_memberships` (
	`tenant_id` text NOT NULL,
	`segment_id` text NOT NULL,
	`member_id` text NOT NULL,
	`entered_at` integer NOT NULL,
	`left_at` integer,
	PRIMARY KEY(`segment_id`, `member_id`, `entered_at`)
);
--> statement-breakpoint
CREATE INDEX `segment_memberships_current_idx` ON `segment_memberships` (`tenant_id`,`segment_id`,`left_at`,`member_id`);--> statement-breakpoint
CREATE TABLE `segment_sizes` (
	`tenant_id` text NOT NULL,
	`segment_id` text NOT NULL,
	`computed_at` integer NOT NULL,
	`size` integer NOT NULL,
	`entered` integer NOT NULL,
	`left` integer NOT NULL,
	PRIMARY KEY(`segment_id`, `computed_at`)
);
--> statement-breakpoint
CREATE TABLE `segment_tags` (
	`tenant_id` text NOT NULL,
	`segment_id` text NOT NULL,
	`profile_id` text NOT NULL,
	`tag` text NOT NULL,
	`pushed_at` integer NOT NULL,
	PRIMARY KEY(`segment_id`, `profile_id`)
);
--> statement-breakpoint
CREATE INDEX `segment_tags_tenant_idx` ON `segment_tags` (`tenant_id`,`profile_id`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`query` text NOT NULL,
	`query_json` text NOT NULL,
	`push_mode` text DEFAULT 'none' NOT NULL,
	`native_segment_gid` text,
	`suggestion` text,
	`member_count` integer DEFAULT 0 NOT NULL,
	`last_computed_at` integer,
	`last_push_at` integer,
	`last_push_result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `segments_slug_idx` ON `segments` (`tenant_id`,`slug`);--> statement-breakpoint
CREATE TABLE `billing_subscriptions` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`plan` text NOT NULL,
	`shopify_subscription_gid` text,
	`status` text NOT NULL,
	`test` integer DEFAULT false NOT NULL,
	`trial_ends_at` integer,
	`current_period_end` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `billing_trials` (
	`shop_domain` text PRIMARY KEY NOT NULL,
	`plan` text NOT NULL,
	`started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`message_id` text NOT NULL,
	`tenant_id` text,
	`body` text NOT NULL,
	`attempts` integer NOT NULL,
	`received_at` integer NOT NULL,
	`replayed_at` integer
);
--> statement-breakpoint
CREATE INDEX `dead_letters_queue_idx` ON `dead_letters` (`queue`,`received_at`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`params` text NOT NULL,
	`result` text,
	`error` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE INDEX `jobs_tenant_idx` ON `jobs` (`tenant_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE TABLE `privacy_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`shop_domain` text NOT NULL,
	`kind` text NOT NULL,
	`shopify_customer_id` text,
	`payload` text NOT NULL,
	`export` text,
	`status` text NOT NULL,
	`received_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `privacy_requests_due_idx` ON `privacy_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `privacy_requests_tenant_idx` ON `privacy_requests` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`shop_domain` text,
	`source` text NOT NULL,
	`topic` text,
	`reason` text NOT NULL,
	`payload` text NOT NULL,
	`headers` text,
	`received_at` integer NOT NULL,
	`replayed_at` integer,
	`replay_result` text
);
--> statement-breakpoint
CREATE INDEX `quarantine_tenant_idx` ON `quarantine` (`tenant_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `quarantine_open_idx` ON `quarantine` (`replayed_at`,`received_at`);--> statement-breakpoint
CREATE TABLE `usage_counters` (
	`tenant_id` text NOT NULL,
	`period` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `period`)
);
