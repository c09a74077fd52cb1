import type { TenantContext } from "../../../context/deps.ts";
import type { MetafieldDigests } from "./metafield-values.ts";
import { preparePushPage, type PreparedPage } from "./prepare-push-page.ts";
import type { PushProgress } from "./push-job.ts";
import type { PendingMetafield, SendOutcome } from "./send-metafields.ts";

type OpenPage = { prepared: PreparedPage; unsettled: number };
export type DigestRow = { id: string; digests: MetafieldDigests };

/**
 * The metafields a push run has yet to send, read a page ahead of the calls, and what the sent ones settled. It
 * keeps the job's progress: the cursor passes a page once each of its metafields is confirmed or refused, and a
 * product counts as written once all its metafields of this run are settled, one of them confirmed.
 */
export class PushStream {
  readonly #ctx: TenantContext;
  readonly #progress: PushProgress;
  readonly #pageSize: number;
  readonly #pages: OpenPage[] = [];
  readonly #pageOf = new Map<string, OpenPage>();
  readonly #left = new Map<string, { unsettled: number; confirmed: boolean }>();
  #queue: PendingMetafield[] = [];
  #after: string | null;
  #ended = false;
  #reading: Promise<PreparedPage | null> | null = null;

  constructor(ctx: TenantContext, progress: PushProgress, pageSize: number) {
    this.#ctx = ctx;
    this.#progress = progress;
    this.#pageSize = pageSize;
    this.#after = progress.cursor;
  }

  /** Up to `size` metafields to send next, across page ends (none at the end of the catalog). */
  async next(size: number): Promise<PendingMetafield[]> {
    for (;;) {
      this.#readAhead(size);
      if (this.#queue.length >= size || this.#reading === null) break;
      const page = await this.#reading;
      this.#reading = null;
      this.#take(page);
    }
    const batch = this.#queue.splice(0, size);
    // The page after is read while this batch is sent.
    this.#readAhead(size);
    return batch;
  }

  /** Counts what one call settled and answers the rows whose digests to record (all of each product's, merged). */
  settle(outcome: SendOutcome): DigestRow[] {
    const rows: DigestRow[] = [];
    for (const [id, keys] of outcome.confirmed) {
      const page = this.#pageOf.get(id)!;
      const digests = { ...page.prepared.digests.get(id), ...keys };
      page.prepared.digests.set(id, digests);
      rows.push({ id, digests });
      const written = Object.keys(keys).length;
      this.#progress.metafields += written;
      this.#settled(id, written, true);
    }
    for (const { pending } of outcome.failed) this.#settled(pending.productId, 1, false);
    this.#queue.unshift(...outcome.again);
    this.#advance();
    return rows;
  }

  /** Waits for a page still being read, so a run that stops leaves nothing running; its errors do not matter then. */
  async idle(): Promise<void> {
    await this.#reading?.catch(() => null);
  }

  #readAhead(size: number): void {
    if (this.#ended || this.#reading !== null || this.#queue.length >= 2 * size) return;
    this.#reading = preparePushPage({ ctx: this.#ctx, input: { cursor: this.#after, limit: this.#pageSize } });
    // Awaited by next() or idle(); this only keeps a failure from being reported as unhandled meanwhile.
    this.#reading.catch(() => null);
  }

  #take(prepared: PreparedPage | null): void {
    if (prepared === null) {
      this.#ended = true;
      return;
    }
    this.#after = prepared.lastId;
    this.#progress.scored += prepared.scored;
    const page = { prepared, unsettled: prepared.pending.length };
    this.#pages.push(page);
    for (const pending of prepared.pending) {
      this.#pageOf.set(pending.productId, page);
      const left = this.#left.get(pending.productId) ?? { unsettled: 0, confirmed: false };
      left.unsettled++;
      this.#left.set(pending.productId, left);
    }
    this.#queue.push(...prepared.pending);
    this.#advance();
  }

  #settled(productId: string, metafields: number, confirmed: boolean): void {
    this.#pageOf.get(productId)!.unsettled -= metafields;
    const left = this.#left.get(productId)!;
    left.unsettled -= metafields;
    left.confirmed ||= confirmed;
    if (left.unsettled > 0) return;
    if (left.confirmed) this.#progress.products++;
    this.#left.delete(productId);
    this.#pageOf.delete(productId);
  }

  #advance(): void {
    while (this.#pages[0]?.unsettled === 0) {
      const { prepared } = this.#pages.shift()!;
      this.#progress.cursor = prepared.lastId;
      this.#progress.seen += prepared.size;
    }
  }
}
