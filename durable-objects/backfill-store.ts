import type { BackfillResource } from "../queues/backfill-messages.ts";
import { claimChunk, commitChunk, newBackfillState, type BackfillState, type ChunkClaim, type ResourceProgress } from "./backfill-progress.ts";

export type StagedLine = { seq: number; id: string | null; parentId: string | null; line: string };

/** Root lines (in file order) with every line below them, two levels deep, in whatever order they were staged. */
export type StagedRoots = { lines: string[]; roots: number; lastSeq: number; more: boolean };

const STATE_KEY = "backfill";

const SCHEMA = `
  create table if not exists backfill_lines (
    job text not null, resource text not null, seq integer not null, id text, parent_id text, line text not null,
    primary key (job, resource, seq)
  ) without rowid;
  create index if not exists backfill_lines_parent on backfill_lines (job, resource, parent_id, seq);
`;

const READ_ROOTS = `
  with roots as (
    select seq, id, line from backfill_lines where job = ?1 and resource = ?2 and parent_id is null and seq > ?3 order by seq limit ?4
  ),
  kids as (select b.id, b.line from roots r join backfill_lines b on b.job = ?1 and b.resource = ?2 and b.parent_id = r.id),
  grandkids as (select b.line from kids k join backfill_lines b on b.job = ?1 and b.resource = ?2 and b.parent_id = k.id)
  select seq, line from roots
  union all select null, line from kids
  union all select null, line from grandkids
`;

/**
 * The tenant DO's backfill storage: progress per resource (KV) and the JSONL lines staged for joining (SQLite).
 * Children may come anywhere in Shopify's file, so a record is only written once its whole file is staged here.
 */
export class BackfillStore {
  #storage: DurableObjectStorage;
  #ready = false;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
  }

  #sql(): SqlStorage {
    if (!this.#ready) {
      this.#storage.sql.exec(SCHEMA);
      this.#ready = true;
    }
    return this.#storage.sql;
  }

  state(): BackfillState | null {
    return this.#storage.kv.get<BackfillState>(STATE_KEY) ?? null;
  }

  /** Starts tracking a job, or returns it unchanged when it is already the current one (a redelivered `start`). */
  begin(init: Omit<BackfillState, "resources">, since: Record<BackfillResource, number | null>): BackfillState {
    const current = this.state();
    if (current?.jobId === init.jobId) return current;
    const state = newBackfillState(init, since);
    this.#storage.transactionSync(() => {
      this.#sql().exec("delete from backfill_lines");
      this.#storage.kv.put(STATE_KEY, state);
    });
    return state;
  }

  /** Patches one resource of the current job; with `fromPhase`, only if the resource is still in that phase. */
  update(jobId: string, resource: BackfillResource, patch: Partial<ResourceProgress>, fromPhase?: ResourceProgress["phase"]): ResourceProgress | null {
    return this.#change(jobId, resource, (progress) => (fromPhase && progress.phase !== fromPhase ? null : { ...progress, ...patch, updatedAt: Date.now() }));
  }

  claim(jobId: string, resource: BackfillResource, chunk: number, leaseMs: number): ChunkClaim {
    let claim: ChunkClaim = { ok: false, reason: "stale" };
    this.#change(jobId, resource, (progress) => {
      claim = claimChunk(progress, chunk, Date.now(), leaseMs);
      return claim.ok ? claim.progress : null;
    });
    return claim;
  }

  commit(jobId: string, resource: BackfillResource, chunk: number, update: Partial<ResourceProgress>): ResourceProgress | null {
    return this.#change(jobId, resource, (progress) => commitChunk(progress, chunk, update, Date.now()));
  }

  /** Stages a downloaded range and moves the download cursor in one transaction: a retried chunk restages the same seqs. */
  stage(jobId: string, resource: BackfillResource, chunk: number, lines: StagedLine[], update: Partial<ResourceProgress>): ResourceProgress | null {
    return this.#storage.transactionSync(() => {
      const committed = this.commit(jobId, resource, chunk, update);
      if (!committed) return null;
      const sql = this.#sql();
      for (const line of lines) {
        sql.exec("insert or replace into backfill_lines (job, resource, seq, id, parent_id, line) values (?, ?, ?, ?, ?, ?)", jobId, resource, line.seq, line.id, line.parentId, line.line);
      }
      return committed;
    });
  }

  readRoots(jobId: string, resource: BackfillResource, afterSeq: number, limit: number): StagedRoots {
    const rows = this.#sql().exec<{ seq: number | null; line: string }>(READ_ROOTS, jobId, resource, afterSeq, limit).toArray();
    const seqs = rows.flatMap((row) => (row.seq === null ? [] : [row.seq]));
    return { lines: rows.map((row) => row.line), roots: seqs.length, lastSeq: seqs.length > 0 ? Math.max(...seqs) : afterSeq, more: seqs.length === limit };
  }

  /** Once a job is finished its staged lines are only dead weight. */
  clearLines(jobId: string): void {
    this.#sql().exec("delete from backfill_lines where job = ?", jobId);
  }

  #change(jobId: string, resource: BackfillResource, next: (progress: ResourceProgress) => ResourceProgress | null): ResourceProgress | null {
    const state = this.state();
    if (state?.jobId !== jobId) return null;
    const changed = next(state.resources[resource]);
    if (!changed) return null;
    state.resources[resource] = changed;
    this.#storage.kv.put(STATE_KEY, state);
    return changed;
  }
}
