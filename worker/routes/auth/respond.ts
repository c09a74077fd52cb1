import type { Context } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { codeToStatus, errorBody, type ErrorCode } from "../../errors.ts";

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

export function renderPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · SegOps</title>
<style>body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:#f1f1f1;color:#303030;display:grid;place-items:center;min-height:100vh;margin:0}main{background:#fff;border-radius:12px;padding:2rem;max-width:32rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}h1{font-size:1.25rem;margin-top:0}code{background:#f3f3f3;padding:0 .25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;margin:.5rem 0}button{font:inherit;padding:.5rem 1rem;background:#303030;color:#fff;border:0;border-radius:8px;cursor:pointer}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export { escapeHtml };

/**
 * Browser-facing refusals: a readable page for people, the JSON envelope for API clients. Both carry the
 * code and the request id so support can trace them.
 */
export function refuse(c: Context<AppEnv>, code: ErrorCode, message: string): Response {
  const requestId = c.get("requestId");
  const status = codeToStatus(code);
  if ((c.req.header("Accept") ?? "").includes("text/html")) {
    const body = `<p>${escapeHtml(message)}</p><p><small>Error <code>${code}</code> · request <code>${escapeHtml(requestId)}</code></small></p>`;
    return c.html(renderPage("SegOps could not continue", body), status);
  }
  return c.json(errorBody(code, message, requestId), status);
}
