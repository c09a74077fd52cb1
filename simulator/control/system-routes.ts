import type { Hono } from "hono";
import type { SimContext } from "../types.ts";

export function registerSystemRoutes(app: Hono, ctx: SimContext): void {
  app.get("/_sim/healthz", (c) => c.json({ ok: true, shops: ctx.shops.size }));

  // Webhooks that API calls cause go out in the background; tests wait here for them instead of sleeping.
  app.get("/_sim/settled", async (c) => {
    while (ctx.pending.size > 0) await Promise.all(ctx.pending);
    return c.json({ ok: true });
  });

  // Google's JWKS is served with a max-age; jose's remote JWKS honours it.
  app.get("/_sim/oauth2/v3/certs", (c) => {
    c.header("Cache-Control", "public, max-age=3600, must-revalidate, no-transform");
    return c.json({ keys: [ctx.pubsubKey.jwk] });
  });

  app.get("/_sim/bulk/:shop/:file", (c) => {
    const id = (c.req.param("file") ?? "").replace(/\.jsonl$/, "");
    const operation = ctx.shops.get(c.req.param("shop") ?? "")?.bulkOperations.find((op) => op.id === id);
    if (operation?.chunks) {
      const range = /^bytes=(\d+)-(\d*)$/.exec(c.req.header("Range") ?? "");
      const total = operation.fileSize;
      if (!range) return new Response(jsonlStream(operation.chunks, 0, total), { headers: { "Content-Type": "application/jsonl", "Content-Length": String(total) } });
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : total - 1, total - 1);
      if (start >= total || end < start) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${total}` } });
      return new Response(jsonlStream(operation.chunks, start, end + 1), {
        status: 206,
        headers: { "Content-Type": "application/jsonl", "Content-Length": String(end + 1 - start), "Content-Range": `bytes ${start}-${end}/${total}` },
      });
    }
    return c.text("NoSuchKey: The specified key does not exist.", 404);
  });
}

/** The file's bytes in [from, to), chunk by chunk: signed storage URLs answer Range requests, so resumed reads start mid-file. */
function jsonlStream(chunks: string[], from: number, to: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      for (;;) {
        const chunk = chunks[next++];
        if (chunk === undefined || at >= to) return controller.close();
        const start = at;
        at += Buffer.byteLength(chunk);
        if (at <= from) continue;
        const bytes = encoder.encode(chunk);
        controller.enqueue(bytes.subarray(Math.max(0, from - start), Math.min(bytes.length, to - start)));
        return;
      }
    },
  });
}
