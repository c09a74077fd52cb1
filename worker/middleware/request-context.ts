import type { MiddlewareHandler } from "hono";
import { parseConfig } from "../env.ts";
import type { AppEnv } from "../context/app-env.ts";
import { errorResponse } from "../errors.ts";
import { newId } from "../lib/ids.ts";
import { createLogger, logRequest } from "../lib/log.ts";
import { createDeps } from "../context/deps.ts";

const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * Gives every request an id, a validated config and one structured log line (route, status, ms).
 * @example app.use(requestContext())
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now();
    const incoming = c.req.header(REQUEST_ID_HEADER);
    const requestId = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : newId("request");
    const log = createLogger({ requestId });
    c.set("requestId", requestId);
    c.set("log", log);

    const parsed = parseConfig(c.env);
    if (!parsed.ok) {
      log.error("bad environment", { issues: parsed.issues, route: c.req.path, status: 500 });
      return errorResponse("bad_environment", "The app is misconfigured; an operator has been told.", requestId, {
        [REQUEST_ID_HEADER]: requestId,
      });
    }
    c.set("config", parsed.config);
    c.set("deps", createDeps(c.env, parsed.config, log));

    await next();

    c.res.headers.set(REQUEST_ID_HEADER, requestId);
    logRequest({ requestId, method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Date.now() - started, tenant: c.get("tenantId") ?? null });
  };
}
