import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// One migration history for the control database and every shard (wrangler.toml).
await Promise.all([env.DB, env.SHARD_1, env.SHARD_2].map((db) => applyD1Migrations(db, env.TEST_MIGRATIONS)));
