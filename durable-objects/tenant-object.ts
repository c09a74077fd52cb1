import { DurableObject } from "cloudflare:workers";
import { parseConfig, type Config } from "../worker/env.ts";
import type { OfflineTokens } from "../worker/shopify/request-access-token.ts";
import { acquire, DEFAULT_BUCKET, settle, type BucketState, type ThrottleStatus } from "./cost-bucket.ts";
import { TokenKeeper, type AccessTokenResult } from "./token-keeper.ts";

export type SetupStepStatus = "pending" | "running" | "done" | "failed";
export type SetupStep = { status: SetupStepStatus; detail?: string; error?: string; updatedAt: number };
export type SetupState = Record<string, SetupStep>;

const SETUP_KEY = "setup";

/**
 * One object per tenant (`TENANT.getByName(tenantId)`): the single writer for what must not race across
 * isolates: setup progress, token refresh, the Admin API cost bucket and backfill progress.
 */
export class TenantObject extends DurableObject<Env> {
  #config: Config | null = null;
  #tokens = new TokenKeeper();
  // In memory on purpose: after an eviction the first response's throttleStatus resynchronises it.
  #bucket: BucketState = { ...DEFAULT_BUCKET, at: Date.now() };

  get #tenantId(): string {
    const name = this.ctx.id.name;
    if (!name) throw new Error("TenantObject must be addressed by name (the tenant id)");
    return name;
  }

  #configOrThrow(): Config {
    if (!this.#config) {
      const parsed = parseConfig(this.env);
      if (!parsed.ok) throw new Error(`bad environment: ${parsed.issues.join("; ")}`);
      this.#config = parsed.config;
    }
    return this.#config;
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

  async resetSetup(): Promise<void> {
    await this.ctx.storage.delete(SETUP_KEY);
  }

  /** Uninstall: no more scheduled work for this tenant until it is installed again. */
  async stopWork(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
  }

  async storeTokens(shop: string, tokens: OfflineTokens): Promise<void> {
    await this.#tokens.store(this.env, this.#configOrThrow(), this.#tenantId, shop, tokens);
  }

  async accessToken(): Promise<AccessTokenResult> {
    return this.#tokens.get(this.env, this.#configOrThrow(), this.#tenantId);
  }

  async dropTokens(): Promise<void> {
    await this.#tokens.drop(this.env, this.#tenantId);
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
}
