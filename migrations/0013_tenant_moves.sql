CREATE TABLE `tenant_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`from_shard` text NOT NULL,
	`to_shard` text NOT NULL,
	`phase` text NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`leased_until` integer,
	`table_index` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`tables` text DEFAULT '{}' NOT NULL,
	`rows_copied` integer DEFAULT 0 NOT NULL,
	`error` text,
	`frozen_at` integer,
	`switched_at` integer,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tenant_moves_open_idx` ON `tenant_moves` (`tenant_id`) WHERE "tenant_moves"."finished_at" is null;