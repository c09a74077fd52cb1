import { tenantDb } from "./tenant-db.ts";
import type { SegmentView } from "../../worker/services/segments/segment-view.ts";
import { apiFetch } from "./api-fetch.ts";
import { installShop, sim, type InstalledShop } from "./harness.ts";
import { waitFor } from "./wait-for.ts";
import { seedProfiles } from "./seed-profiles.ts";
import type { CreateShopInput } from "./simulator-client.ts";

export const EMPTY_STORE = { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 };

/**
 * An installed simulator shop with no store data, so only the customers a test creates exist on either side. Its
 * backfill has finished, so no background Admin API call competes with the test's (e.g. for `failGraphql`).
 */
export async function installEmptyShop(options: CreateShopInput = {}, app: Parameters<typeof installShop>[1] = {}): Promise<InstalledShop> {
  const installed = await installShop({ size: EMPTY_STORE, ...options }, app);
  await waitFor(
    async () => (await tenantDb(installed.tenantId)).prepare("SELECT 1 AS done FROM jobs WHERE tenant_id = ? AND kind = 'backfill' AND finished_at IS NOT NULL").bind(installed.tenantId).first(),
    { what: "the install's backfill" },
  );
  return installed;
}

/** `count` customers created in the simulator (no webhooks) and as profiles, both with `tags`; answers their ids. */
export async function seedShopCustomers(installed: InstalledShop, count: number, tags: string[]): Promise<{ profileIds: string[]; customerIds: string[] }> {
  const customerIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const { customer } = await sim().createCustomer(installed.shop, { email: `c${i}-${crypto.randomUUID().slice(0, 6)}@example.org`, tags, emit: false });
    customerIds.push(customer.id);
  }
  const profileIds = await seedProfiles(installed.tenantId, customerIds.map((customerId) => ({ customerId, tags })));
  return { profileIds, customerIds };
}

export async function createSegmentVia(installed: InstalledShop, body: Record<string, unknown>): Promise<SegmentView> {
  const res = await apiFetch(installed.serverKey, "/segments", { method: "POST", body });
  if (res.status !== 201) throw new Error(`create segment: ${res.status} ${await res.text()}`);
  return (await res.json()) as SegmentView;
}

/** Waits until the segment's last push is finished (not in progress) and newer than `since`. */
export async function settledPush(installed: InstalledShop, slug: string, since = 0): Promise<NonNullable<SegmentView["lastPush"]>> {
  return waitFor(async () => {
    const segment = (await (await apiFetch(installed.serverKey, `/segments/${slug}`)).json()) as SegmentView;
    const push = segment.lastPush;
    return push && push.status !== "in_progress" && Date.parse(push.at) > since ? push : null;
  }, { what: `push of ${slug}` });
}

/** Shopify-side tags by numeric customer id: every tag, or (`segops`) only customers with `segops:` tags and those. */
export async function shopifyTags(shop: string, options: { segops?: boolean } = {}): Promise<Record<string, string[]>> {
  const state = await sim().state(shop, { allTags: !options.segops });
  return Object.fromEntries(Object.entries(state.customerTags).map(([gid, tags]) => [gid.split("/").pop()!, tags]));
}

export async function segmentTagRows(tenantId: string, segmentId: string): Promise<string[]> {
  const { results } = await (await tenantDb(tenantId))
    .prepare("SELECT profile_id FROM segment_tags WHERE tenant_id = ? AND segment_id = ? ORDER BY profile_id")
    .bind(tenantId, segmentId).all<{ profile_id: string }>();
  return results.map((row) => row.profile_id);
}
