import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { getQuarantine, listQuarantine, ListQuarantineInput } from "../../services/quarantine/list-quarantine.ts";
import { replayQuarantine } from "../../services/quarantine/replay-quarantine.ts";
import { readInput } from "../../http/read-input.ts";

/** `GET /ops/quarantine`, `GET /ops/quarantine/:id`, `POST /ops/quarantine/:id/replay` (202, result lands on the row). */
export function registerQuarantine(app: Hono<AppEnv>): void {
  app.get("/quarantine", async (c) => {
    const page = await listQuarantine({ ctx: c.get("deps"), input: readInput(ListQuarantineInput, c.req.query()) });
    if (!page.ok) throw new AppError("validation_failed", page.error.message);
    return c.json(page.value);
  });
  app.get("/quarantine/:id", async (c) => {
    const row = await getQuarantine({ ctx: c.get("deps"), input: { id: c.req.param("id") } });
    if (!row) throw new AppError("not_found", "No such quarantine row.");
    return c.json(row);
  });
  app.post("/quarantine/:id/replay", async (c) => {
    if (!(await replayQuarantine({ ctx: c.get("deps"), input: { id: c.req.param("id") } }))) throw new AppError("not_found", "No such quarantine row.");
    return c.json({ queued: true }, 202);
  });
}
