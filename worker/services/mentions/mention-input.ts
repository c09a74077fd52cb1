import { z } from "zod";

/** At most this many mentions in one `POST /v1/mentions`. */
export const MAX_MENTIONS_PER_BATCH = 500;

/** The product a mention names: exactly one of its id (SegOps, Shopify or GID), its handle, or its storefront URL. */
const ProductRef = z
  .object({
    id: z.string().trim().min(1).max(200).optional(),
    handle: z.string().trim().min(1).max(255).optional(),
    url: z.string().trim().url().max(2048).optional(),
  })
  .strict()
  .refine((ref) => [ref.id, ref.handle, ref.url].filter((value) => value !== undefined).length === 1, "name the product by exactly one of id, handle and url");

/** One mention as a client sends it; `id` is the client's own, making a re-sent mention a duplicate whatever else differs. */
export const MentionInput = z
  .object({
    id: z.string().trim().min(1).max(200).optional(),
    product: ProductRef,
    source: z.string().trim().min(1).max(100),
    query: z.string().trim().max(2000).nullish(),
    url: z.string().trim().url().max(2048).nullish(),
    occurredAt: z.string().datetime({ offset: true }),
  })
  .strict();
export type MentionInput = z.output<typeof MentionInput>;
export type ProductRef = MentionInput["product"];

/** The batch envelope; each mention is checked on its own, so one bad mention does not refuse the others. */
export const RecordMentionsInput = z.object({ mentions: z.array(z.unknown()).min(1).max(MAX_MENTIONS_PER_BATCH) }).strict();
