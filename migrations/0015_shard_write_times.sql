CREATE TABLE `shard_write_times` (
	`shard` text NOT NULL,
	`minute` integer NOT NULL,
	`d1_ms` real NOT NULL,
	`batches` integer NOT NULL,
	`events` integer NOT NULL,
	PRIMARY KEY(`shard`, `minute`)
);
--> statement-breakpoint
CREATE INDEX `shard_write_times_minute_idx` ON `shard_write_times` (`minute`);