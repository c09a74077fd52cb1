import type { Hono } from "hono";
import type { SimContext } from "../types.ts";

export function registerSystemRoutes(app: Hono, ctx: SimContext): void {
  app.get("/_sim/healthz", (c) => c.json({ ok: true, shops: ctx.shops.size }));

  // Google's JWKS is served with a max-age; jose's remote JWKS honours it.
  app.get("/_sim/oauth2/v3/certs", (c) => {
    c.header("Cache-Control", "public, max-age=3600, must-revalidate, no-transform");
    return c.json({ keys: [ctx.pubsubKey.jwk] });
  });

  app.get("/_sim/bulk/:shop/:file", (c) => {
    const id = (c.req.param("file") ?? "").replace(/\.jsonl$/, "");
    const operation = ctx.shops.get(c.req.param("shop") ?? "")?.bulkOperations.find((op) => op.id === id);
    if (operation?.chunks) {
      const chunks = operation.chunks;
      let next = 0;
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          const chunk = chunks[next++];
          if (chunk === undefined) controller.close();
          else controller.enqueue(encoder.encode(chunk));
        },
      });
      return new Response(stream, { headers: { "Content-Type": "application/jsonl", "Content-Length": String(operation.fileSize) } });
    }
    return c.text("NoSuchKey: The specified key does not exist.", 404);
  });
}
