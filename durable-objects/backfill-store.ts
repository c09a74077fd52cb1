import { BACKFILL_RESOURCES, type BackfillResource } from "../queues/backfill-messages.ts";
import { claimChunk, commitChunk, newBackfillState, type BackfillState, type ChunkClaim, type ResourceProgress } from "./backfill-progress.ts";

export type StagedLine = { seq: number; id: string | null; parentId: string | null; line: string };

/** Root lines (in file order) with every line below them, two levels deep, in whatever order they were staged. */
export type StagedRoots = { lines: string[]; roots: number; lastSeq: number; more: boolean };

const STATE_KEY = "backfill";

const SCHEMA = `
  create table if not exists staged_lines (seq integer primary key, id text, parent_id text, line text not null);
  create index if not exists staged_lines_parent on staged_lines (parent_id, seq);
`;

// Each resource owns a range of seq numbers, so one rowid table holds every resource of the current job.
const RANGE = 2 ** 40;
const base = (resource: BackfillResource) => BACKFILL_RESOURCES.indexOf(resource) * RANGE;

// 100 bound parameters per statement at most, 4 per line.
const LINES_PER_INSERT = 25;

// Roots drive the joins (CROSS JOIN fixes that order in SQLite): left to itself the planner may scan every staged
// line of the resource once per root.
const READ_ROOTS = `
  with roots as (
    select seq, id, line from staged_lines indexed by staged_lines_parent
    where parent_id is null and seq > ?1 and seq < ?2 order by seq limit ?3
  ),
  kids as (
    select b.id, b.line from roots r cross join staged_lines b indexed by staged_lines_parent
    where b.parent_id = r.id and b.seq >= ?4 and b.seq < ?2
  ),
  grandkids as (
    select b.line from kids k cross join staged_lines b indexed by staged_lines_parent
    where b.parent_id = k.id and b.seq >= ?4 and b.seq < ?2
  )
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
      this.#sql().exec("delete from staged_lines");
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
      const offset = base(resource);
      for (let i = 0; i < lines.length; i += LINES_PER_INSERT) {
        const slice = lines.slice(i, i + LINES_PER_INSERT);
        const values = slice.flatMap((line) => [offset + line.seq, line.id, line.parentId, line.line]);
        sql.exec(`insert or replace into staged_lines (seq, id, parent_id, line) values ${slice.map(() => "(?, ?, ?, ?)").join(", ")}`, ...values);
      }
      return committed;
    });
  }

  readRoots(jobId: string, resource: BackfillResource, afterSeq: number, limit: number): StagedRoots {
    if (this.state()?.jobId !== jobId) return { lines: [], roots: 0, lastSeq: afterSeq, more: false };
    const offset = base(resource);
    const rows = this.#sql().exec<{ seq: number | null; line: string }>(READ_ROOTS, offset + afterSeq, offset + RANGE, limit, offset).toArray();
    const seqs = rows.flatMap((row) => (row.seq === null ? [] : [row.seq - offset]));
    return { lines: rows.map((row) => row.line), roots: seqs.length, lastSeq: seqs.length > 0 ? Math.max(...seqs) : afterSeq, more: seqs.length === limit };
  }

  /**
   * customers/redact: staged lines whose text holds one of the customer's identifiers (lower-cased needles) are
   * deleted, and an aggregate cursor that is one of their profile ids becomes a prefix that sorts before it: the
   * profiles between are aggregated again, which only recomputes the same totals.
   */
  redactCustomer(needles: readonly string[], profileIds: readonly string[]): number {
    const state = this.state();
    if (state) {
      let moved = false;
      for (const progress of Object.values(state.resources)) {
        if (!profileIds.includes(progress.afterProfile)) continue;
        progress.afterProfile = progress.phase === "aggregating" ? progress.afterProfile.slice(0, "prof_".length + 4) : "";
        moved = true;
      }
      if (moved) this.#storage.kv.put(STATE_KEY, state);
    }
    const staged = this.#storage.sql.exec("select 1 from sqlite_master where type = 'table' and name = 'staged_lines'").toArray().length > 0;
    if (!staged || needles.length === 0) return 0;
    const deleted = this.#sql().exec(
      "delete from staged_lines where exists (select 1 from json_each(?) n where instr(lower(line), n.value) > 0) returning seq",
      JSON.stringify(needles),
    );
    return deleted.toArray().length;
  }

  /** Once a job is finished its staged lines are only dead weight. */
  clearLines(jobId: string): void {
    if (this.state()?.jobId === jobId) this.#sql().exec("delete from staged_lines");
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
