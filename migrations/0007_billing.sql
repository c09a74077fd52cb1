-- billing_subscriptions and billing_trials were never written before billing (issue 15): recreated without copying rows.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_billing_subscriptions` (
	`tenant_id` text NOT NULL,
	`shopify_subscription_gid` text NOT NULL,
	`plan` text NOT NULL,
	`status` text NOT NULL,
	`status_at` integer NOT NULL,
	`test` integer DEFAULT false NOT NULL,
	`trial_days` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`approved_at` integer,
	`activated_at` integer,
	`ended_at` integer,
	`current_period_end` integer,
	`trial_counted` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `shopify_subscription_gid`)
);
--> statement-breakpoint
DROP TABLE `billing_subscriptions`;--> statement-breakpoint
ALTER TABLE `__new_billing_subscriptions` RENAME TO `billing_subscriptions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `billing_subscriptions_created_idx` ON `billing_subscriptions` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `__new_billing_trials` (
	`shop_hash` text PRIMARY KEY NOT NULL,
	`days_used` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
DROP TABLE `billing_trials`;--> statement-breakpoint
ALTER TABLE `__new_billing_trials` RENAME TO `billing_trials`;