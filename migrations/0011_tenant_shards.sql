CREATE TABLE `tenant_shards` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`shard` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
-- Tenants from before sharding keep their data where it is, in the control database, until a tenant move.
INSERT INTO `tenant_shards` (`tenant_id`, `shard`, `updated_at`) SELECT `id`, 'DB', CAST(unixepoch('subsec') * 1000 AS INTEGER) FROM `tenants`;
