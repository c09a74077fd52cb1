import { err, type Result } from "../../lib/result.ts";
import type { Deps } from "../../context/deps.ts";
import { findTenantByShop } from "../tenants/find-tenant.ts";
import { mergeIngestPlan, newIngestPlan, type IngestPlan } from "./ingest-plan.ts";
import type { IngestLookups, QuarantineRecord } from "./load-ingest-lookups.ts";
import { planPixelEvents } from "./plan-pixel-events.ts";
import { planWebhookDelivery } from "./plan-webhook-delivery.ts";
import type { Unmappable } from "../../shopify/payload/read-result.ts";
import { refuseUnconfirmedUninstalls } from "../lifecycle/confirm-uninstalls.ts";

/**
 * Runs a quarantined input through today's mapping again. Success applies it like a first delivery; another
 * failure only updates the row's replay result, so replaying never multiplies quarantine rows.
 */
export async function planReplay(args: { ctx: Deps; input: { quarantineId: string; lookups: IngestLookups } }): Promise<IngestPlan> {
  const { ctx, input } = args;
  const { quarantineId, lookups } = input;
  const now = Date.now();
  const plan = newIngestPlan();
  const row = lookups.quarantine.get(quarantineId);
  if (!row) {
    ctx.log.warn("replay of an unknown quarantine row", { quarantineId });
    return plan;
  }
  const replayed = await replayRow(ctx, row);
  if (replayed.ok) mergeIngestPlan(plan, replayed.value);
  plan.replays.push({ quarantineId, result: replayed.ok ? "applied" : `failed again: ${replayed.error.reason}`, at: now });
  return plan;
}

async function replayRow(deps: Deps, row: QuarantineRecord): Promise<Result<IngestPlan, Unmappable>> {
  const headers = row.headers ?? {};
  if (row.source === "pixel") {
    const { tenantId, clientId } = headers;
    if (!tenantId || !clientId) return err({ reason: "pixel quarantine row lacks tenantId/clientId" });
    let event: unknown;
    try {
      event = JSON.parse(row.payload);
    } catch {
      return err({ reason: "pixel quarantine payload is not JSON" });
    }
    const { plan, rejected } = planPixelEvents({ tenantId, clientId, receivedAt: row.receivedAt.getTime() }, [event]);
    return rejected[0] ? err({ reason: rejected[0].reason }) : { ok: true, value: plan };
  }
  if ((row.source !== "webhook" && row.source !== "pubsub") || !row.topic || !row.shopDomain) {
    return err({ reason: `a ${row.source} row without topic and shop cannot be replayed` });
  }
  const tenant = await findTenantByShop({ ctx: deps, input: { shop: row.shopDomain } });
  const tenantId = row.tenantId ?? tenant?.id ?? null;
  const delivery = {
    via: row.source === "pubsub" ? ("pubsub" as const) : ("https" as const),
    shop: row.shopDomain,
    topic: row.topic,
    deliveryKey: headers.deliveryKey ?? `replay:${row.id}`,
    eventId: headers.eventId ?? null,
    triggeredAt: headers.triggeredAt ?? null,
    apiVersion: headers.apiVersion ?? null,
    receivedAt: row.receivedAt.getTime(),
    body: row.payload,
  };
  const planned = planWebhookDelivery(delivery, tenantId, tenant?.id === tenantId ? (tenant?.installedAt?.getTime() ?? null) : null);
  const refused = planned.ok ? await refuseUnconfirmedUninstalls({ ctx: deps, input: { plan: planned.value } }) : null;
  return refused ? err({ reason: refused }) : planned;
}
