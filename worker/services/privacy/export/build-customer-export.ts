import { and, asc, eq, gt } from "drizzle-orm";
import { inJsonValues } from "../../../db/sql-json.ts";
import type { Deps } from "../../../context/deps.ts";
import {
  checkoutsTable,
  eventsTable,
  identitiesTable,
  ordersTable,
  profilesTable,
  segmentMembershipsTable,
  segmentsTable,
  segmentTagsTable,
  type PrivacyExport,
} from "../../../db/schema/index.ts";
import { archiveFilesOf, readFile } from "../archive/read-archive.ts";
import { eventSelections, matchesSubject } from "../redact/delete-customer-events.ts";
import { exportKey } from "../redact/erase-shop.ts";
import { loadCustomerSubject, type CustomerSubject } from "../redact/load-customer-subject.ts";
import { useQuery, type WorkBudget } from "../work-budget.ts";
import { ExportWriter } from "./export-writer.ts";

const EVENTS_PER_PAGE = 1_000;
export const EXPORT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

type ExportRequest = { id: string; tenantId: string | null; shopDomain: string; receivedAt: number; payload: Record<string, unknown> };

async function customerRows(ctx: Deps, subject: CustomerSubject, budget: WorkBudget) {
  const t = subject.tenantId;
  if (!t) return { profiles: [], identities: [], orders: [], checkouts: [], segmentMemberships: [], segmentTags: [] };
  for (let i = 0; i < 6; i++) useQuery(budget);
  const [profiles, identities, orders, checkouts, segmentMemberships, segmentTags] = await Promise.all([
    ctx.db.select().from(profilesTable).where(and(eq(profilesTable.tenantId, t), inJsonValues(profilesTable.id, subject.profileIds))),
    ctx.db.select().from(identitiesTable).where(and(eq(identitiesTable.tenantId, t), inJsonValues(identitiesTable.profileId, subject.profileIds))),
    ctx.db.select().from(ordersTable).where(and(eq(ordersTable.tenantId, t), inJsonValues(ordersTable.shopifyOrderId, subject.orderIds))),
    ctx.db.select().from(checkoutsTable).where(and(eq(checkoutsTable.tenantId, t), inJsonValues(checkoutsTable.token, subject.checkoutTokens))),
    ctx.db
      .select({ segment: segmentsTable.name, slug: segmentsTable.slug, enteredAt: segmentMembershipsTable.enteredAt, leftAt: segmentMembershipsTable.leftAt })
      .from(segmentMembershipsTable)
      .innerJoin(segmentsTable, eq(segmentsTable.id, segmentMembershipsTable.segmentId))
      .where(and(eq(segmentsTable.tenantId, t), eq(segmentMembershipsTable.tenantId, t), inJsonValues(segmentMembershipsTable.memberId, subject.profileIds))),
    ctx.db
      .select({ tag: segmentTagsTable.tag, pushedAt: segmentTagsTable.pushedAt })
      .from(segmentTagsTable)
      .where(and(eq(segmentTagsTable.tenantId, t), inJsonValues(segmentTagsTable.profileId, subject.profileIds))),
  ]);
  return { profiles, identities, orders, checkouts, segmentMemberships, segmentTags };
}

/** Every event of the customer, a page at a time, each once whichever way it was found. */
async function writeEvents(ctx: Deps, subject: CustomerSubject, writer: ExportWriter, budget: WorkBudget): Promise<number> {
  if (!subject.tenantId) return 0;
  const written = new Set<string>();
  for (const selection of eventSelections(subject.tenantId, subject)) {
    let after = "";
    for (;;) {
      useQuery(budget);
      const page = await ctx.db.select().from(eventsTable).where(and(selection, gt(eventsTable.id, after))).orderBy(asc(eventsTable.id)).limit(EVENTS_PER_PAGE);
      for (const event of page) {
        if (written.has(event.id)) continue;
        await writer.write(`${written.size === 0 ? "" : ","}\n${JSON.stringify(event)}`);
        written.add(event.id);
      }
      if (page.length < EVENTS_PER_PAGE) break;
      after = page.at(-1)!.id;
    }
  }
  await writeArchivedEvents(ctx, subject, writer, budget, written);
  return written.size;
}

/** The customer's events moved to the R2 archive: the files listed on their profiles, their lines only. */
async function writeArchivedEvents(ctx: Deps, subject: CustomerSubject, writer: ExportWriter, budget: WorkBudget, written: Set<string>): Promise<void> {
  const tenantId = subject.tenantId;
  if (!tenantId) return;
  useQuery(budget);
  const matches = matchesSubject(subject);
  for (const { key } of await archiveFilesOf({ ctx, input: { tenantId, profileIds: subject.profileIds } })) {
    useQuery(budget);
    for (const line of await readFile(ctx.env.EVENT_ARCHIVE, key)) {
      const id = String(line.event.id);
      if (written.has(id) || !matches(line.fields)) continue;
      await writer.write(`${written.size === 0 ? "" : ","}\n${JSON.stringify({ ...line.event, archivedIn: key })}`);
      written.add(id);
    }
  }
}

/**
 * customers/data_request: everything SegOps holds on the customer, as one JSON document in R2 (profile, identities,
 * orders, checkouts, segment memberships and tags, then every event), written part by part. Answers where it is and
 * how many of each it holds (counts only).
 */
export async function buildCustomerExport(args: { ctx: Deps; input: { request: ExportRequest; budget: WorkBudget } }): Promise<{ export: PrivacyExport; counts: Record<string, number> }> {
  const { ctx, input } = args;
  const { request, budget } = input;
  useQuery(budget);
  const subject = await loadCustomerSubject({ ctx, input: request });
  const rows = await customerRows(ctx, subject, budget);
  const key = exportKey(request.id);
  const writer = new ExportWriter(ctx.env.PRIVACY_EXPORTS, key, { contentType: "application/json; charset=utf-8" });
  try {
    const head = {
      format: "segops-customer-export/v1",
      generatedAt: new Date().toISOString(),
      request: { id: request.id, receivedAt: new Date(request.receivedAt).toISOString(), shopDomain: request.shopDomain, shopify: request.payload },
      heldBy: "SegOps for Shopify, on Cloudflare (D1 database, Durable Objects, R2 for this file)",
      ...rows,
    };
    const text = JSON.stringify(head, null, 2);
    await writer.write(`${text.slice(0, -2)},\n  "events": [`);
    const events = await writeEvents(ctx, subject, writer, budget);
    await writer.write("\n  ]\n}\n");
    await writer.finish();
    const now = Date.now();
    const counts = { ...Object.fromEntries(Object.entries(rows).map(([name, list]) => [name, list.length])), events, bytes: writer.bytes };
    return { export: { key, bytes: writer.bytes, createdAt: now, expiresAt: now + EXPORT_TTL_MS, deletedAt: null }, counts };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}
