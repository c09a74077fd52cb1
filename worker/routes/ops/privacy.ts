import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { readInput } from "../../http/read-input.ts";
import { listAllPrivacyRequests, ListAllPrivacyRequestsInput } from "../../services/privacy/list-privacy-requests.ts";

/** `GET /ops/privacy?shop=&status=&limit=&cursor=`: every privacy request, newest first, with failures and counts. */
export function registerPrivacy(app: Hono<AppEnv>): void {
  app.get("/privacy", async (c) => {
    const listed = await listAllPrivacyRequests({ ctx: c.get("deps"), input: readInput(ListAllPrivacyRequestsInput, c.req.query()) });
    if (!listed.ok) throw new AppError("validation_failed", listed.error.message);
    return c.json(listed.value);
  });
}
