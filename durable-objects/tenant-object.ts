import { DurableObject } from "cloudflare:workers";
import { parseConfig } from "../worker/env.ts";
import { createLogger } from "../worker/lib/log.ts";
import { decryptSecret, encryptSecret } from "../worker/lib/token-cipher.ts";
import { createDeps, forTenant, type Deps, type TenantContext } from "../worker/context/deps.ts";
import { TenantMovingError } from "../worker/context/tenant-directory.ts";
import { runSetup, type SetupStore } from "../worker/services/install/run-setup.ts";
import { createAdminClient } from "../worker/shopify/admin-graphql.ts";
import type { OfflineTokens } from "../worker/shopify/request-access-token.ts";
import type { BackfillResource } from "../queues/backfill-messages.ts";
import type { BackfillState, ChunkClaim, ResourceProgress } from "./backfill-progress.ts";
import { BackfillStore, type StagedLine, type StagedRoots } from "./backfill-store.ts";
import { acquire, DEFAULT_BUCKET, settle, type BucketState, type ThrottleStatus } from "./cost-bucket.ts";
import { TokenKeeper, type AccessTokenResult, type TokenContext } from "./token-keeper.ts";
import type { SetupState, SetupStep } from "../worker/services/install/setup-state.ts";

export type RevealableKey = { keyId: string; secret: string };
type StashedKey = { keyId: string; ciphertext: string; expiresAt: number };
// Long enough for a merchant to come back to the dashboard; after it, rotating the key shows a new one.
const SERVER_KEY_REVEAL_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const SETUP_KEY = "setup";
const SERVER_KEY_REVEAL_KEY = "server-key-reveal";
const ACCESS_DENIED_KEY = "access-denied";

/**
 * One object per tenant (`TENANT.getByName(tenantId)`): the single writer for what must not race across
 * isolates: setup progress, token refresh, the Admin API cost bucket and backfill progress.
 */
export class TenantObject extends DurableObject<Env> {
  #deps: Deps | null = null;
  #tokens = new TokenKeeper();
  // In memory on purpose: after an eviction the first response's throttleStatus resynchronises it.
  #bucket: BucketState = { ...DEFAULT_BUCKET, at: Date.now() };
  #backfill = new BackfillStore(this.ctx.storage);

  get #tenantId(): string {
    const name = this.ctx.id.name;
    if (!name) throw new Error("TenantObject must be addressed by name (the tenant id)");
    return name;
  }

  // The control database only: the tenant's shard is resolved per use, since a move changes it.
  #controlDeps(): Deps {
    if (!this.#deps) {
      const parsed = parseConfig(this.env);
      if (!parsed.ok) throw new Error(`bad environment: ${parsed.issues.join("; ")}`);
      this.#deps = createDeps(this.env, parsed.config, createLogger({ tenant: this.#tenantId }));
    }
    return this.#deps;
  }

  #tokenContext(): TokenContext {
    return { ...this.#controlDeps(), tenantId: this.#tenantId };
  }

  async getSetup(): Promise<SetupState> {
    return (await this.ctx.storage.get<SetupState>(SETUP_KEY)) ?? {};
  }

  async updateSetupStep(step: string, update: Omit<SetupStep, "updatedAt">): Promise<SetupState> {
    const setup = await this.getSetup();
    setup[step] = { ...update, updatedAt: Date.now() };
    await this.ctx.storage.put(SETUP_KEY, setup);
    return setup;
  }

  /** Runs (or resumes) the install steps from an alarm, so a crash or eviction picks up where it stopped. */
  async startSetup(options: { restart: boolean }): Promise<void> {
    if (options.restart) await this.ctx.storage.delete(SETUP_KEY);
    await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    const log = createLogger({ tenant: this.#tenantId, job: "setup" });
    let base: TenantContext;
    try {
      base = await forTenant(this.#controlDeps(), this.#tenantId);
    } catch (error) {
      if (!(error instanceof TenantMovingError)) throw error;
      log.info("setup waits for a tenant move", { retryInS: error.retryAfterSeconds });
      await this.ctx.storage.setAlarm(Date.now() + error.retryAfterSeconds * 1000);
      return;
    }
    const store: SetupStore = {
      getSetup: () => this.getSetup(),
      updateSetupStep: (step, update) => this.updateSetupStep(step, update),
      stashServerKey: (keyId, secret) => this.stashServerKey(keyId, secret),
    };
    const result = await runSetup({ ctx: { ...base, log, admin: createAdminClient(base.config, this), store } });
    log.info("setup run", { complete: result.complete, retryInMs: result.retryInMs });
    if (result.retryInMs !== null) await this.ctx.storage.setAlarm(Date.now() + result.retryInMs);
  }

  /** Uninstall: no more scheduled work for this tenant until it is installed again. */
  async stopWork(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
  }

  /** Kept encrypted, and only for the reveal window: the merchant reveals it from the dashboard after install. */
  async stashServerKey(keyId: string, secret: string): Promise<void> {
    const ciphertext = await encryptSecret(this.#controlDeps().config.TOKEN_ENCRYPTION_KEY, secret, this.#revealAad(keyId));
    await this.ctx.storage.put(SERVER_KEY_REVEAL_KEY, { keyId, ciphertext, expiresAt: Date.now() + SERVER_KEY_REVEAL_WINDOW_MS } satisfies StashedKey);
  }

  /** The new server key's secret, exactly once: it is deleted as it is handed out, or when its window has passed. */
  async revealServerKey(): Promise<RevealableKey | null> {
    const stashed = await this.#stashedKey();
    if (!stashed) return null;
    await this.ctx.storage.delete(SERVER_KEY_REVEAL_KEY);
    return { keyId: stashed.keyId, secret: await decryptSecret(this.#controlDeps().config.TOKEN_ENCRYPTION_KEY, stashed.ciphertext, this.#revealAad(stashed.keyId)) };
  }

  async revealableServerKeyId(): Promise<string | null> {
    return (await this.#stashedKey())?.keyId ?? null;
  }

  async #stashedKey(): Promise<StashedKey | null> {
    const stashed = (await this.ctx.storage.get<StashedKey>(SERVER_KEY_REVEAL_KEY)) ?? null;
    if (!stashed) return null;
    if (typeof stashed.ciphertext === "string" && stashed.expiresAt > Date.now()) return stashed;
    await this.ctx.storage.delete(SERVER_KEY_REVEAL_KEY);
    return null;
  }

  #revealAad(keyId: string): string {
    return `${this.#tenantId}:server-key:${keyId}`;
  }

  async storeTokens(shop: string, tokens: OfflineTokens): Promise<void> {
    await this.#tokens.store(this.#tokenContext(), shop, tokens);
    await this.ctx.storage.delete(ACCESS_DENIED_KEY);
  }

  /** Shopify answered ACCESS_DENIED/403: the admin shows the re-approve banner until scopes change. */
  async reportAccessDenied(message: string): Promise<void> {
    await this.ctx.storage.put(ACCESS_DENIED_KEY, { message, at: Date.now() });
  }

  async clearAccessDenied(): Promise<void> {
    await this.ctx.storage.delete(ACCESS_DENIED_KEY);
  }

  async accessDenied(): Promise<{ message: string; at: number } | null> {
    return (await this.ctx.storage.get<{ message: string; at: number }>(ACCESS_DENIED_KEY)) ?? null;
  }

  async accessToken(): Promise<AccessTokenResult> {
    return this.#tokens.get(this.#tokenContext());
  }

  /** Shopify answered 401 to this token: refresh it once; the tokens are dropped only when the refresh fails too. */
  async renewAccessToken(rejected: string): Promise<AccessTokenResult> {
    return this.#tokens.renew(this.#tokenContext(), rejected);
  }

  /** On uninstall: the next admin load then exchanges a fresh session token. */
  async dropTokens(): Promise<void> {
    await this.#tokens.drop(this.#tokenContext());
  }

  /** Reserves Admin API cost points; a positive `waitMs` means wait that long and ask again. */
  async acquireCost(cost: number): Promise<{ waitMs: number }> {
    const { state, waitMs } = acquire(this.#bucket, cost, Date.now());
    this.#bucket = state;
    return { waitMs };
  }

  async settleCost(reserved: number, actualCost: number | null, throttleStatus: ThrottleStatus | null): Promise<void> {
    this.#bucket = settle(this.#bucket, { reserved, actualCost, throttleStatus }, Date.now());
  }

  async backfillState(): Promise<BackfillState | null> {
    return this.#backfill.state();
  }

  async beginBackfill(init: Omit<BackfillState, "resources">, since: Record<BackfillResource, number | null>): Promise<BackfillState> {
    return this.#backfill.begin(init, since);
  }

  async updateBackfill(jobId: string, resource: BackfillResource, patch: Partial<ResourceProgress>, fromPhase?: ResourceProgress["phase"]): Promise<ResourceProgress | null> {
    return this.#backfill.update(jobId, resource, patch, fromPhase);
  }

  async claimBackfillChunk(jobId: string, resource: BackfillResource, chunk: number, leaseMs: number): Promise<ChunkClaim> {
    return this.#backfill.claim(jobId, resource, chunk, leaseMs);
  }

  async commitBackfillChunk(jobId: string, resource: BackfillResource, chunk: number, update: Partial<ResourceProgress>): Promise<ResourceProgress | null> {
    return this.#backfill.commit(jobId, resource, chunk, update);
  }

  async stageBackfillLines(jobId: string, resource: BackfillResource, chunk: number, lines: StagedLine[], update: Partial<ResourceProgress>): Promise<ResourceProgress | null> {
    return this.#backfill.stage(jobId, resource, chunk, lines, update);
  }

  async readBackfillRoots(jobId: string, resource: BackfillResource, afterSeq: number, limit: number): Promise<StagedRoots> {
    return this.#backfill.readRoots(jobId, resource, afterSeq, limit);
  }

  async clearBackfillLines(jobId: string): Promise<void> {
    this.#backfill.clearLines(jobId);
  }

  /** customers/redact: staged backfill lines naming the customer are deleted (answers how many), cursors moved off them. */
  async redactCustomer(needles: string[], profileIds: string[]): Promise<number> {
    return this.#backfill.redactCustomer(needles, profileIds);
  }

  /** shop/redact: every key, every SQLite table and the alarm are deleted, and nothing is kept in memory. */
  async eraseAll(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.#deps = null;
    this.#tokens = new TokenKeeper();
    this.#bucket = { ...DEFAULT_BUCKET, at: Date.now() };
    this.#backfill = new BackfillStore(this.ctx.storage);
  }
}
