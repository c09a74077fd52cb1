import type { LineItemFact } from "./facts.ts";

/** Where a fact came from and when; every applier takes one. */
export type FactContext = {
  tenantId: string;
  source: "webhook" | "backfill";
  receivedAt: number;
  /** `X-Shopify-Triggered-At` for webhooks, the bulk operation's start for the backfill. */
  triggeredAt: number | null;
};

/** The first known time among the candidates, else when Shopify triggered it, else when it reached us. */
export function factTime(ctx: FactContext, ...candidates: (number | null)[]): number {
  for (const candidate of candidates) if (candidate !== null) return candidate;
  return ctx.triggeredAt ?? ctx.receivedAt;
}

export function isoTime(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

export function lineItemProperties(items: LineItemFact[]) {
  return items.map((item) => ({ ...item }));
}
