import { z } from "zod";

export const BACKFILL_RESOURCES = ["orders", "customers", "products", "abandoned_checkouts"] as const;
export type BackfillResource = (typeof BACKFILL_RESOURCES)[number];

const resource = z.enum(BACKFILL_RESOURCES);
const target = { tenantId: z.string(), jobId: z.string() };

/**
 * `start` exports every resource; `poll` asks Shopify how an export is doing (and restarts a stalled chunk chain);
 * `chunk` runs the resource's next chunk, which the tenant DO's cursor names; `reconcile` pages through one
 * resource's recent changes, carrying its GraphQL cursor and the counts so far.
 */
export const BackfillMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), ...target, reason: z.enum(["install", "manual", "operator"]) }),
  z.object({ type: z.literal("poll"), ...target, resource, attempt: z.number().int().nonnegative().default(0) }),
  z.object({ type: z.literal("chunk"), ...target, resource, chunk: z.number().int().nonnegative() }),
  z.object({
    type: z.literal("reconcile"),
    ...target,
    resource,
    since: z.number().int(),
    after: z.string().nullable(),
    counts: z.record(z.string(), z.number().int().nonnegative()),
  }),
]);
export type BackfillMessage = z.infer<typeof BackfillMessageSchema>;
export type BackfillMessageOf<T extends BackfillMessage["type"]> = Extract<BackfillMessage, { type: T }>;
