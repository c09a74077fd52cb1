import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { recordTriggerLifecycle, TriggerLifecycleInput, type TriggerLifecycle } from "../../services/flow/record-trigger-lifecycle.ts";
import { limitBody } from "../../http/limit-body.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";
import { readSignedBody } from "./read-signed-body.ts";

export type TriggerLifecycleResponse = TriggerLifecycle;

const MAX_BODY_BYTES = 16_000;

/** `POST /flow/triggers/lifecycle`: Flow says a shop enabled or disabled a workflow using one of our triggers. */
export function registerReceiveTriggerLifecycle(app: Hono<AppEnv>): void {
  app.post("/triggers/lifecycle", limitBody(MAX_BODY_BYTES), async (c) => {
    const input = await readSignedBody(c, TriggerLifecycleInput);
    const recorded = await recordTriggerLifecycle({ ctx: c.get("deps"), input });
    if (!recorded.ok) throw new AppError("not_found", recorded.error.message);
    return c.json(recorded.value satisfies TriggerLifecycleResponse);
  });
  app.all("/triggers/lifecycle", methodNotAllowed("POST"));
}
