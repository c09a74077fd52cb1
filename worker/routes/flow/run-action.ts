import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { FlowActionRequest, runFlowAction } from "../../services/flow/run-flow-action.ts";
import { limitBody } from "../../http/limit-body.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";
import { readSignedBody } from "./read-signed-body.ts";

const MAX_BODY_BYTES = 64_000;
// Flow honours Retry-After on 429, which is what a retry gets while the first delivery is still running.
const RETRY_AFTER_SECONDS = "5";

/** `POST /flow/actions/:handle`: runs a SegOps Flow action once per `action_run_id` and answers its result. */
export function registerRunAction(app: Hono<AppEnv>): void {
  app.post("/actions/:handle", limitBody(MAX_BODY_BYTES), async (c) => {
    const request = await readSignedBody(c, FlowActionRequest);
    const { status, body } = await runFlowAction({ ctx: c.get("deps"), input: { handle: c.req.param("handle"), request } });
    return c.json(body, status, status === 429 ? { "Retry-After": RETRY_AFTER_SECONDS } : {});
  });
  app.all("/actions/:handle", methodNotAllowed("POST"));
}
