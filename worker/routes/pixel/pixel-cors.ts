import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../context/app-env.ts";

// `*` is safe: the pixel sends no credentials, and auth is the key or token in the body. A shop's storefront may
// sit on any custom domain, so an allow-list could not be complete (docs/pixel.md).
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "Retry-After",
};

/** CORS on every collector answer, errors included, and the preflight answer for clients that send one. */
export function pixelCors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === "OPTIONS") {
      return c.body(null, 204, {
        ...CORS_HEADERS,
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Access-Control-Max-Age": "86400",
      });
    }
    await next();
    for (const [name, value] of Object.entries(CORS_HEADERS)) c.res.headers.set(name, value);
  };
}
