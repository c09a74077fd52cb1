import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { EVENT_SOURCES, eventsTable } from "../../db/schema/index.ts";
import { decodeKeysetCursor, encodeKeysetCursor } from "../../lib/keyset-cursor.ts";
import { err, ok, type Result } from "../../lib/result.ts";
import type { TenantContext } from "../deps.ts";

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

/** Newest first, keyset-paginated on (occurred_at, id) so pages stay stable while events keep arriving. */
export async function listEvents(args: { ctx: TenantContext; input: z.output<typeof ListEventsInput> }): Promise<Result<{ data: ApiEvent[]; nextCursor: string | null }, { message: string }>> {
  const { ctx, input } = args;
  const cursor = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor);
  if (cursor === null) return err({ message: "cursor is not one this API returned" });
  const filters: (SQL | undefined)[] = [
    eq(eventsTable.tenantId, ctx.tenantId),
    input.name ? eq(eventsTable.name, input.name) : undefined,
    input.source ? eq(eventsTable.source, input.source) : undefined,
    input.profileId ? eq(eventsTable.profileId, input.profileId) : undefined,
    input.since !== undefined ? gte(eventsTable.occurredAt, new Date(input.since)) : undefined,
    cursor
      ? or(lt(eventsTable.occurredAt, new Date(cursor.at)), and(eq(eventsTable.occurredAt, new Date(cursor.at)), lt(eventsTable.id, cursor.id)))
      : undefined,
  ];
  const rows = await ctx.db
    .select()
    .from(eventsTable)
    .where(and(...filters))
    .orderBy(desc(eventsTable.occurredAt), desc(eventsTable.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
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
    nextCursor: rows.length > input.limit && last ? encodeKeysetCursor({ at: last.occurredAt.getTime(), id: last.id }) : null,
  });
}
