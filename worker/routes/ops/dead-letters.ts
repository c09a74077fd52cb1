import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { listDeadLetters, ListDeadLettersInput } from "../../services/dead-letters/list-dead-letters.ts";
import { replayDeadLetter } from "../../services/dead-letters/replay-dead-letter.ts";
import { listArchivedDeadLetters, restoreArchivedDeadLetters } from "../../services/dead-letters/restore-archived-dead-letters.ts";
import { readInput } from "../../http/read-input.ts";

const ArchivedQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

/**
 * `GET /ops/dead-letters`, `POST /ops/dead-letters/:id/replay` (the body goes back to its source queue once), and
 * the R2 archive the dead-letter consumers fall back on: `GET /ops/dead-letters/archived`, `POST …/restore`.
 */
export function registerDeadLetters(app: Hono<AppEnv>): void {
  app.get("/dead-letters/archived", async (c) => {
    return c.json(await listArchivedDeadLetters({ ctx: c.get("deps"), input: readInput(ArchivedQuery, c.req.query()) }));
  });
  app.post("/dead-letters/restore", async (c) => c.json(await restoreArchivedDeadLetters({ ctx: c.get("deps") })));
  app.get("/dead-letters", async (c) => {
    const page = await listDeadLetters({ ctx: c.get("deps"), input: readInput(ListDeadLettersInput, c.req.query()) });
    if (!page.ok) throw new AppError("validation_failed", page.error.message);
    return c.json(page.value);
  });
  app.post("/dead-letters/:id/replay", async (c) => {
    const replayed = await replayDeadLetter({ ctx: c.get("deps"), input: { id: c.req.param("id") } });
    if (replayed.ok) return c.json({ queued: true, queue: replayed.value.queue }, 202);
    switch (replayed.error.reason) {
      case "not_found":
        throw new AppError("not_found", "No such dead letter.");
      case "already_replayed":
        throw new AppError("conflict", "This dead letter was already replayed.");
      case "unknown_queue":
      case "unreadable":
        throw new AppError("validation_failed", `This dead letter cannot be replayed (${replayed.error.reason.replace("_", " ")}).`);
    }
  });
}
