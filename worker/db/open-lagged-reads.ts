import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";

/** A drizzle db and the raw session for reads that may trail the primary by a few seconds. */
export type LaggedReads = { db: DrizzleD1Database; d1: D1DatabaseSession };

/**
 * Reads that tolerate a few seconds of lag (lists, dashboard figures, previews) go through a D1 session that a read
 * replica may serve. Never for a read after a write in the same request, nor for a count a write depends on: those
 * stay on `ctx.db`/`ctx.d1`, the primary. The list of callers is in docs/storage.md ("Read replicas").
 */
export function openLaggedReads(ctx: { d1: D1Database }): LaggedReads {
  const session = ctx.d1.withSession("first-unconstrained");
  // drizzle's D1 driver calls only prepare() and batch(), both on a session; its types ask for the database. No
  // schema: these are builder queries, and the relational config costs ~0.1 ms to build per call.
  return { db: drizzle(session as unknown as D1Database), d1: session };
}
