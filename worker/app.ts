import { Hono } from "hono";
import type { AppEnv } from "./context/app-env.ts";
import { TenantMovingError } from "./context/tenant-directory.ts";
import { AppError, errorBody, type ErrorCode } from "./errors.ts";
import { errorMessage } from "./lib/log.ts";
import { requestContext } from "./middleware/request-context.ts";
import { adminRoutes } from "./routes/admin/index.ts";
import { apiRoutes } from "./routes/api/index.ts";
import { registerAppShell } from "./routes/app-shell.ts";
import { authRoutes } from "./routes/auth/index.ts";
import { checkoutRoutes } from "./routes/checkout/index.ts";
import { flowRoutes } from "./routes/flow/index.ts";
import { opsRoutes } from "./routes/ops/index.ts";
import { registerHealth } from "./routes/health.ts";
import { pixelRoutes } from "./routes/pixel/index.ts";
import { privacyRoutes } from "./routes/privacy/index.ts";
import { proxyRoutes } from "./routes/proxy/index.ts";
import { webhooksRoutes } from "./routes/webhooks/index.ts";

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** The Hono app: every 4xx/5xx leaves as `{ error: { code, message, requestId } }`, never a stack or an HTML page. */
export function newApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext());

  registerHealth(app);
  registerAppShell(app);
  app.route("/webhooks", webhooksRoutes);
  app.route("/pixel/v1", pixelRoutes);
  app.route("/v1", apiRoutes);
  app.route("/admin/api", adminRoutes);
  app.route("/flow", flowRoutes);
  app.route("/proxy", proxyRoutes);
  app.route("/checkout/v1", checkoutRoutes);
  app.route("/ops", opsRoutes);
  app.route("/privacy", privacyRoutes);
  app.route("/", authRoutes);

  app.notFound((c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}.`, c.get("requestId")), 404));

  app.onError((error, c) => {
    const requestId = c.get("requestId") ?? "unknown";
    if (error instanceof AppError) {
      return c.json(errorBody(error.code, error.message, requestId, error.details), error.status, error.headers);
    }
    // A write to a tenant frozen by a shard move: the client (Shopify, the pixel, the admin) sends it again later.
    if (error instanceof TenantMovingError) {
      return c.json(errorBody("tenant_moving", error.message, requestId), 409, { "Retry-After": String(error.retryAfterSeconds) });
    }
    const status = "status" in error && typeof error.status === "number" ? error.status : 500;
    const code = STATUS_CODES[status];
    if (code) return c.json(errorBody(code, error.message || code, requestId), status as 400);
    c.get("log")?.error("unhandled error", { route: c.req.routePath, error: errorMessage(error) });
    return c.json(errorBody("internal_error", "Something went wrong on our side; it has been logged.", requestId), 500);
  });

  return app;
}
