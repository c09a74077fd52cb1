import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { readIngestStats } from "../../services/operations/read-ingest-stats.ts";
import { readInput } from "../../http/read-input.ts";

const StatsInput = z.object({ since: z.coerce.number().int().nonnegative().default(0) });

/** `GET /ops/ingest-stats?since=<epoch ms>`: counts of what ingestion stored since then. */
export function registerIngestStats(app: Hono<AppEnv>): void {
  app.get("/ingest-stats", async (c) => {
    const { since } = readInput(StatsInput, c.req.query());
    return c.json(await readIngestStats({ ctx: c.get("deps"), input: { since } }));
  });
}
