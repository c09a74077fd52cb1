import { parseArgs } from "node:util";
import { createOpsClient, resolveOpsToken, type OpsClient } from "./ops-client.ts";
import { printBackfill, type OpsBackfillResponse } from "./print-backfill.ts";
import { printIngestStats, type OpsIngestStats } from "./print-ingest-stats.ts";
import { printRows } from "./print-rows.ts";
import { moveLine, printMoves, printWhere, type MoveView, type OpsTenantWhere } from "./print-tenant-move.ts";

const USAGE = `npm run ops -- <command> [options]

  token                              print the operator token for this deployment
  quarantine list [--tenant ID] [--all] [--limit N]
  quarantine show <id>
  quarantine replay <id> [--no-wait]  re-run it through today's mapping; waits for the result
  dead-letters list [--queue NAME] [--all] [--limit N]
  dead-letters replay <id>           send the message back to its source queue (once)
  dead-letters archived [--limit N]  dead letters D1 refused, kept in R2 (the last-resort record)
  dead-letters restore               move archived dead letters into dead_letters (also done nightly)
  backfill status --shop DOMAIN      the tenant's latest backfill, per resource
  backfill rerun --shop DOMAIN       start a new backfill of the last 90 days (nothing is written twice)
  privacy list [--shop DOMAIN] [--all] [--limit N]
                                     open compliance requests (--all: every one; an erased shop's by its domain too)
  tenant where --shop DOMAIN         the shard holding the tenant's data, and its latest move table by table
  tenant move --shop DOMAIN --to SHARD [--no-wait]
                                     move the tenant's data to another shard, following it to the end; run it
                                     again after a crash to resume the open move (never a second copy)
  tenant move --shop DOMAIN --resume [--no-wait]
                                     resume the tenant's open move, whatever its target (a stalled or dead-lettered step)
  tenant moves [--shop DOMAIN] [--limit N]  moves and their progress, newest first
  ingest stats [--minutes N]         what ingestion stored in the last N minutes (default 60), and per shard the
                                     D1 time of the consumer's writes there: which shard is hot

  --url   the app (default $SEGOPS_URL or http://127.0.0.1:8787)
  token   $SEGOPS_OPS_TOKEN, else derived from $TOKEN_ENCRYPTION_KEY or .dev.vars`;

type Options = { url?: string; tenant?: string; queue?: string; shop?: string; to?: string; all?: boolean; limit?: string; minutes?: string; "no-wait"?: boolean; resume?: boolean };

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function query(options: Options, filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams({ status: options.all ? "all" : "open", limit: options.limit ?? "50" });
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `?${params}`;
}

async function expectOk<T>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status >= 400) fail(`${status}: ${JSON.stringify((body as { error?: unknown }).error ?? body)}`);
  return body;
}

type QuarantineRow = { replayedAt: string | null; replayResult: string | null };

async function replayQuarantine(client: OpsClient, id: string, wait: boolean): Promise<void> {
  const before = (await expectOk(client.call<QuarantineRow>("GET", `/quarantine/${id}`))).replayedAt;
  await expectOk(client.call("POST", `/quarantine/${id}/replay`));
  console.log(`replay of ${id} queued`);
  if (!wait) return;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const row = await expectOk(client.call<QuarantineRow>("GET", `/quarantine/${id}`));
    if (row.replayedAt && row.replayedAt !== before) {
      console.log(`${row.replayedAt}  ${row.replayResult}`);
      if (row.replayResult !== "applied") process.exitCode = 2;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail("no replay result within 60 s; check the ingest queue (wrangler tail)");
}

const FINISHED = new Set(["done", "failed"]);

/** Prints the move's progress whenever it changes, until it is done (exit 0) or failed (exit 2). */
async function followMove(client: OpsClient, shop: string): Promise<void> {
  let last = "";
  for (;;) {
    const where = await expectOk(client.call<OpsTenantWhere>("GET", `/tenant/where?shop=${shop}`));
    const move = where.moves[0];
    if (!move) fail("no move found");
    const line = moveLine(move);
    if (line !== last) console.log(line);
    last = line;
    if (FINISHED.has(move.phase)) {
      printWhere(where);
      if (move.phase === "failed") process.exitCode = 2;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The shard the tenant's open move goes to: `tenant move --resume` sends its current step again. */
async function openMoveTarget(client: OpsClient, shop: string): Promise<string> {
  const open = (await expectOk(client.call<OpsTenantWhere>("GET", `/tenant/where?shop=${shop}`))).moves.find((move) => !FINISHED.has(move.phase));
  return open?.toShard ?? fail(`${decodeURIComponent(shop)} has no open move to resume`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { url: { type: "string" }, tenant: { type: "string" }, queue: { type: "string" }, shop: { type: "string" }, to: { type: "string" }, all: { type: "boolean" }, limit: { type: "string" }, minutes: { type: "string" }, "no-wait": { type: "boolean" }, resume: { type: "boolean" } },
  });
  const options = values as Options;
  const [area, verb, id] = positionals;
  if (area === "token") return void console.log(await resolveOpsToken());
  const client = await createOpsClient(options.url ?? process.env.SEGOPS_URL ?? "http://127.0.0.1:8787");
  const command = `${area ?? ""} ${verb ?? ""}`.trim();
  switch (command) {
    case "quarantine list": {
      const page = await expectOk(client.call<{ data: Record<string, unknown>[]; nextCursor: string | null }>("GET", `/quarantine${query(options, { tenantId: options.tenant })}`));
      printRows(page.data, ["id", "receivedAt", "tenantId", "shopDomain", "source", "topic", "reason", "replayResult"]);
      return;
    }
    case "quarantine show":
      return void console.log(JSON.stringify(await expectOk(client.call("GET", `/quarantine/${id ?? fail(USAGE)}`)), null, 2));
    case "quarantine replay":
      return replayQuarantine(client, id ?? fail(USAGE), !options["no-wait"]);
    case "dead-letters list": {
      const page = await expectOk(client.call<{ data: Record<string, unknown>[] }>("GET", `/dead-letters${query(options, { queue: options.queue })}`));
      printRows(page.data, ["id", "receivedAt", "queue", "tenantId", "attempts", "replayedAt", "body"]);
      return;
    }
    case "dead-letters replay": {
      const done = await expectOk(client.call<{ queue: string }>("POST", `/dead-letters/${id ?? fail(USAGE)}/replay`));
      console.log(`sent back to ${done.queue}`);
      return;
    }
    case "dead-letters archived": {
      const page = await expectOk(client.call<{ data: Record<string, unknown>[]; more: boolean }>("GET", `/dead-letters/archived?limit=${options.limit ?? "50"}`));
      printRows(page.data, ["archivedAt", "queue", "messageId", "attempts", "reason", "writeError", "body"]);
      if (page.more) console.log("more are archived: restore these, or raise --limit (at most 100)");
      return;
    }
    case "dead-letters restore": {
      const done = await expectOk(client.call<{ restored: number; dropped: number; more: boolean }>("POST", "/dead-letters/restore"));
      console.log(`restored ${done.restored}, dropped ${done.dropped} of erased data${done.more ? "; more are archived: run it again" : ""}`);
      return;
    }
    case "privacy list": {
      const page = await expectOk(client.call<{ data: Record<string, unknown>[] }>("GET", `/privacy${query(options, { shop: options.shop })}`));
      printRows(page.data, ["id", "kind", "status", "atRisk", "shopDomain", "receivedAt", "dueAt", "completedAt", "failures", "lastError"]);
      return;
    }
    case "backfill status":
    case "backfill rerun": {
      const shop = encodeURIComponent(options.shop ?? fail(USAGE));
      const answer = await expectOk(client.call<OpsBackfillResponse>(verb === "rerun" ? "POST" : "GET", `/backfill?shop=${shop}`));
      printBackfill(answer);
      return;
    }
    case "tenant where": {
      const shop = encodeURIComponent(options.shop ?? fail(USAGE));
      printWhere(await expectOk(client.call<OpsTenantWhere>("GET", `/tenant/where?shop=${shop}`)));
      return;
    }
    case "tenant moves": {
      const params = new URLSearchParams({ limit: options.limit ?? "20", ...(options.shop ? { shop: options.shop } : {}) });
      printMoves((await expectOk(client.call<{ data: MoveView[] }>("GET", `/tenant/moves?${params}`))).data);
      return;
    }
    case "tenant move": {
      const shop = encodeURIComponent(options.shop ?? fail(USAGE));
      const to = encodeURIComponent((options.resume ? await openMoveTarget(client, shop) : options.to) ?? fail(USAGE));
      const started = await expectOk(client.call<{ move: MoveView; resumed: boolean }>("POST", `/tenant/move?shop=${shop}&to=${to}`));
      console.log(`${started.resumed ? "resumed" : "started"} ${moveLine(started.move)}`);
      if (!options["no-wait"]) await followMove(client, shop);
      return;
    }
    case "ingest stats": {
      const since = Date.now() - Number(options.minutes ?? "60") * 60_000;
      if (!Number.isFinite(since)) fail(USAGE);
      printIngestStats(await expectOk(client.call<OpsIngestStats>("GET", `/ingest-stats?since=${since}`)));
      return;
    }
    default:
      fail(USAGE);
  }
}

await main();
