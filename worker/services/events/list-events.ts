import { and, eq, gte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { afterCursor, keysetOrderBy, keysetPage, readCursor, type KeysetOrder } from "../../db/keyset-page.ts";
import { EVENT_SOURCES, eventsTable } from "../../db/schema/index.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { openLaggedReads } from "../../db/open-lagged-reads.ts";

const sinceTime = z.union([z.iso.datetime({ offset: true }), z.iso.date(), z.string().regex(/^\d{10,13}$/)]).transform((value) => {
  if (/^\d+$/.test(value)) return value.length === 10 ? Number(value) * 1000 : Number(value);
  return Date.parse(value);
});

export const ListEventsInput = z.object({
  name: z.string().min(1).max(100).optional(),
  source: z.enum(EVENT_SOURCES).optional(),
  profileId: z.string().min(1).max(100).optional(),
  since: sinceTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export type ApiEvent = {
  id: string;
  name: string;
  source: (typeof EVENT_SOURCES)[number];
  occurredAt: string;
  receivedAt: string;
  profileId: string | null;
  anonymousId: string | null;
  properties: Record<string, unknown>;
};

const EVENT_ORDER: KeysetOrder = { time: eventsTable.occurredAt, id: eventsTable.id, direction: "desc" };

/** Newest first, keyset-paginated on (occurred_at, id) so pages stay stable while events keep arriving. */
export async function listEvents(args: { ctx: TenantContext; input: z.output<typeof ListEventsInput> }): Promise<Result<{ data: ApiEvent[]; nextCursor: string | null }, { message: string }>> {
  const { ctx, input } = args;
  const cursor = readCursor(input.cursor);
  if (!cursor.ok) return err(cursor.error);
  const filters: (SQL | undefined)[] = [
    eq(eventsTable.tenantId, ctx.tenantId),
    input.name ? eq(eventsTable.name, input.name) : undefined,
    input.source ? eq(eventsTable.source, input.source) : undefined,
    input.profileId ? eq(eventsTable.profileId, input.profileId) : undefined,
    input.since !== undefined ? gte(eventsTable.occurredAt, new Date(input.since)) : undefined,
    afterCursor(EVENT_ORDER, cursor.value),
  ];
  const rows = await openLaggedReads(ctx).db
    .select()
    .from(eventsTable)
    .where(and(...filters))
    .orderBy(...keysetOrderBy(EVENT_ORDER))
    .limit(input.limit + 1);
  const { page, nextCursor } = keysetPage(rows, input.limit, (row) => ({ at: row.occurredAt.getTime(), id: row.id }));
  return ok({
    data: page.map((row) => ({
      id: row.id,
      name: row.name,
      source: row.source,
      occurredAt: row.occurredAt.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
      profileId: row.profileId,
      anonymousId: row.anonymousId,
      properties: row.properties,
    })),
    nextCursor,
  });
}
