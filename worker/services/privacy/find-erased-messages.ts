import { sql } from "drizzle-orm";
import type { Deps } from "../../context/deps.ts";
import { tenantsTable } from "../../db/schema/index.ts";
import { findTenantsWithRedactions, loadRedactionProbe } from "./find-redacted-subjects.ts";
import { isTombstoned, loadTombstones } from "./load-tombstones.ts";
import type { Subject } from "./subject-hash.ts";
import { subjectsInPayload, subjectsInText } from "./subjects-in-payload.ts";

type Fields = { tenantId?: unknown; shop?: unknown; receivedAt?: unknown; topic?: unknown; body?: unknown };

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** What a queued message's body says about whom it concerns: its tenant or shop, and the customer identifiers in it. */
function readMessage(body: unknown) {
  const fields = (body && typeof body === "object" ? body : {}) as Fields;
  const subjects: Subject[] = subjectsInPayload(body);
  const raw = text(fields.body);
  if (raw) subjects.push(...subjectsInText(raw, text(fields.topic)));
  return {
    tenantId: text(fields.tenantId),
    shop: text(fields.shop),
    receivedAt: typeof fields.receivedAt === "number" ? fields.receivedAt : undefined,
    subjects,
  };
}

/**
 * Which of these queue message bodies must not be kept (as dead letters): those of an erased tenant or shop, and
 * those naming a customer their tenant redacted. Answers their positions.
 */
export async function findErasedMessages(args: { ctx: Deps; input: { bodies: readonly unknown[] } }): Promise<Set<number>> {
  const { ctx, input } = args;
  const messages = input.bodies.map(readMessage);
  const shops = messages.flatMap((message) => (message.shop ? [message.shop] : []));
  const tenantIds = messages.flatMap((message) => (message.tenantId ? [message.tenantId] : []));
  if (shops.length === 0 && tenantIds.length === 0) return new Set();
  const [tombstones, withRedactions, shopTenants] = await Promise.all([
    loadTombstones({ ctx, input: { tenantIds, shops } }),
    findTenantsWithRedactions({ ctx, input: { tenantIds, shops } }),
    shops.length > 0
      ? ctx.db.all<{ id: string; shop: string }>(sql`select ${tenantsTable.id} as id, ${tenantsTable.shopDomain} as shop from ${tenantsTable}
          where ${tenantsTable.shopDomain} in (select value from json_each(${JSON.stringify(shops)}))`)
      : [],
  ]);
  const tenantOfShop = new Map(shopTenants.map((row) => [row.shop, row.id]));
  const owned = messages.map((message) => ({ ...message, owner: message.tenantId ?? (message.shop ? tenantOfShop.get(message.shop) : undefined) ?? null }));
  const subjects = owned.flatMap((message) => (message.owner && withRedactions.has(message.owner) ? message.subjects.map((s) => ({ ...s, tenantId: message.owner! })) : []));
  const redacted = await loadRedactionProbe({ ctx, input: { subjects } });
  const erased = new Set<number>();
  owned.forEach((message, i) => {
    const shopHasTenant = message.shop ? tenantOfShop.has(message.shop) : undefined;
    if (isTombstoned(tombstones, { tenantId: message.tenantId, shop: message.shop, receivedAt: message.receivedAt, shopHasTenant })) erased.add(i);
    else if (message.owner && message.subjects.some((s) => redacted(message.owner!, s.kind, s.value))) erased.add(i);
  });
  return erased;
}

/** Tenants among these that shop/redact erased: their queued work is dropped. */
export async function findErasedTenants(args: { ctx: Deps; input: { tenantIds: Iterable<string> } }): Promise<Set<string>> {
  return (await loadTombstones({ ctx: args.ctx, input: { tenantIds: args.input.tenantIds, shops: [] } })).tenants;
}
