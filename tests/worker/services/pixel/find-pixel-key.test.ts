import { describe, expect, it } from "vitest";
import { newPublicKey } from "../../../../worker/services/keys/generate-key.ts";
import { startPixelSession } from "../../../../worker/services/pixel/start-pixel-session.ts";
import { countingDeps } from "../../../helpers/counting-deps.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";

const handshake = (publicKey: string, ip: string | null) => ({ text: JSON.stringify({ publicKey, clientId: "v" }), ip });

describe("public key look-ups", () => {
  it("refuses keys that are not shaped like ours without reading D1", async () => {
    const { counter, deps } = countingDeps();
    for (const publicKey of ["pk_live_doesnotexist", "sk_live_x", "x".repeat(200), "pk_live_' or 1=1 --"]) {
      const refused = await startPixelSession({ ctx: deps, input: handshake(publicKey, null) });
      expect(refused).toMatchObject({ ok: false, error: { reason: "unknown_key" } });
    }
    expect(counter.statements).toBe(0);
  });

  it("reads D1 once for an unknown key asked for again and again", async () => {
    const { counter, deps } = countingDeps();
    const unknown = newPublicKey();
    for (let i = 0; i < 50; i++) {
      expect(await startPixelSession({ ctx: deps, input: handshake(unknown, null) })).toMatchObject({ ok: false, error: { reason: "unknown_key" } });
    }
    expect(counter.statements).toBe(1);
  });

  it("stops one address making up keys at its rate limit, before D1", async () => {
    const { counter, deps } = countingDeps();
    const ip = `2001:db8:feed::${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const reasons = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const refused = await startPixelSession({ ctx: deps, input: handshake(newPublicKey(), ip) });
      const reason = refused.ok ? "ok" : refused.error.reason;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    // The limiter's windows are fixed, so a run crossing one boundary may pass twice its limit: count, not bound.
    expect(reasons.get("rate_limited")).toBeGreaterThan(0);
    expect(counter.statements).toBe(reasons.get("unknown_key"));
  });

  it("still finds a real key after refusing made-up ones", async () => {
    const tenant = await seedTenant();
    const { deps } = countingDeps();
    const session = await startPixelSession({ ctx: deps, input: handshake(tenant.publicKey, null) });
    expect(session.ok).toBe(true);
  });
});
