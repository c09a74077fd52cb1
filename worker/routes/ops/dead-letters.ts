import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { listDeadLetters, ListDeadLettersInput } from "../../services/dead-letters/list-dead-letters.ts";
import { replayDeadLetter } from "../../services/dead-letters/replay-dead-letter.ts";
import { readInput } from "../../http/read-input.ts";

/** `GET /ops/dead-letters` and `POST /ops/dead-letters/:id/replay` (the body goes back to its source queue once). */
export function registerDeadLetters(app: Hono<AppEnv>): void {
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
