import { z } from "zod";
import type { EventSource } from "../../db/schema/index.ts";
import type { Result } from "../../lib/result.ts";
import type { TenantContext } from "../../context/deps.ts";
import { listEvents } from "./list-events.ts";
import { summarizeEvent } from "./summarize-event.ts";

export const ListRecentEventsInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(200).optional(),
});

export type StreamEvent = {
  id: string;
  name: string;
  source: EventSource;
  occurredAt: string;
  /** null: an anonymous visitor the pixel saw, not linked to a customer yet. */
  profileId: string | null;
  summary: string;
};

export type RecentEventsView = { data: StreamEvent[]; nextCursor: string | null };

/** The dashboard stream: newest first on the public API's keyset pages; `after` continues past a page's cursor. */
export async function listRecentEvents(args: { ctx: TenantContext; input: z.output<typeof ListRecentEventsInput> }): Promise<Result<RecentEventsView, { message: string }>> {
  const { ctx, input } = args;
  const page = await listEvents({ ctx, input: { limit: input.limit, cursor: input.after } });
  if (!page.ok) return page;
  const data = page.value.data.map((event) => ({
    id: event.id,
    name: event.name,
    source: event.source,
    occurredAt: event.occurredAt,
    profileId: event.profileId,
    summary: summarizeEvent(event.properties),
  }));
  return { ok: true, value: { data, nextCursor: page.value.nextCursor } };
}
