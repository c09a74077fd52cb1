import type { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { methodNotAllowed } from "../../http/method-not-allowed.ts";
import { readInput } from "../../http/read-input.ts";
import { openExportDownload } from "../../services/privacy/export/export-link.ts";

const DownloadInput = z.object({
  id: z.string().min(1).max(250),
  expires: z.coerce.number().int().positive(),
  signature: z.string().min(1).max(200),
});

const REFUSALS = {
  bad_signature: ["forbidden", "This download link is not valid; get a new one from Settings → Privacy."],
  expired: ["gone", "This download link expired; get a new one from Settings → Privacy."],
  not_found: ["not_found", "No such export."],
  not_ready: ["conflict", "The export is still being prepared."],
  deleted: ["gone", "This export was deleted: exports are kept 30 days."],
} as const;

/**
 * `GET /privacy/exports/:id?expires=&signature=`: a customer's data export, through a link minted by the merchant's
 * session (the signature is the only credential; the admin opens it outside the embedded frame).
 */
export function registerDownloadExport(app: Hono<AppEnv>): void {
  app.get("/exports/:id", async (c) => {
    const input = readInput(DownloadInput, { ...c.req.query(), id: c.req.param("id") });
    const opened = await openExportDownload({ ctx: c.get("deps"), input: { requestId: input.id, expires: input.expires, signature: input.signature } });
    if (!opened.ok) {
      const [code, message] = REFUSALS[opened.error.reason];
      throw new AppError(code, message);
    }
    return new Response(opened.value.body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": String(opened.value.bytes),
        "Content-Disposition": `attachment; filename="${opened.value.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
      },
    });
  });
  app.all("/exports/:id", methodNotAllowed("GET"));
}
