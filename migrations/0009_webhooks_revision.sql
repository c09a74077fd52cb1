ALTER TABLE `tenants` ADD `webhooks_revision` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Shops installed before now have products/* subscriptions without the SEO metafields: revision 0 until updated.
UPDATE `tenants` SET `webhooks_revision` = 0;
