import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { revokeKey } from "../../../../worker/services/keys/revoke-key.ts";
import { signPixelToken } from "../../../../worker/services/pixel/pixel-token.ts";
import { consumeIngestBatch, pixelMessage } from "../../../helpers/ingest-queue.ts";
import { ownPixelEvents, pixelToken, postPixel } from "../../../helpers/pixel-collector.ts";
import { storedEvents } from "../../../helpers/read-ingested.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { tenantControlOf } from "../../../helpers/service-context.ts";

const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe("pixel collector (security)", () => {
  it("answers 401 to an unknown public key", async () => {
    const res = await postPixel("/handshake", { publicKey: "pk_live_doesnotexist", clientId: "v" });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("stops a revoked key at once: no handshake, and its tokens are refused with 403", async () => {
    const tenant = await seedTenant();
    const token = await pixelToken(tenant.publicKey, "v1");
    expect(await postPixel("/handshake", { publicKey: tenant.publicKey, clientId: "v1" })).toHaveProperty("status", 200);
    expect(await revokeKey({ ctx: tenantControlOf(tenant.tenantId), input: { keyId: tenant.publicKeyId } })).toBe(true);
    const handshake = await postPixel("/handshake", { publicKey: tenant.publicKey, clientId: "v1" });
    expect(handshake.status).toBe(403);
    const events = await postPixel("/events", { token, events: ownPixelEvents("v1").slice(0, 1) });
    expect(events.status).toBe(403);
    expect(await codeOf(events)).toBe("forbidden");
  });

  it("never stores events of a revoked key, even when another isolate's cache still let them in", async () => {
    const tenant = await seedTenant();
    await env.DB.prepare("update api_keys set revoked_at = ? where id = ?").bind(Date.now(), tenant.publicKeyId).run();
    const { result } = await consumeIngestBatch([pixelMessage(tenant, "v2", ownPixelEvents("v2"))]);
    expect(result.retryMessages).toEqual([]);
    expect(await storedEvents(tenant.tenantId)).toEqual([]);
  });

  it("answers 401 to an expired, tampered or foreign token, so the pixel handshakes again", async () => {
    const tenant = await seedTenant();
    const events = ownPixelEvents("v3").slice(0, 1);
    const claims = { tenantId: tenant.tenantId, keyId: tenant.publicKeyId, clientId: "v3" };
    const expired = await signPixelToken(env.TOKEN_ENCRYPTION_KEY, { ...claims, expiresAt: Date.now() - 1 });
    const foreign = await signPixelToken(btoa("x".repeat(32)), { ...claims, expiresAt: Date.now() + 60_000 });
    const valid = await pixelToken(tenant.publicKey, "v3");
    const [body, signature] = valid.split(".");
    const retargeted = `${btoa(JSON.stringify({ t: "ten_other", k: tenant.publicKeyId, c: "v3", e: Date.now() + 60_000 })).replace(/=+$/, "")}.${signature}`;
    for (const token of [expired, foreign, retargeted, `${body}.`, "garbage"]) {
      const res = await postPixel("/events", { token, events });
      expect(res.status, token.slice(0, 20)).toBe(401);
      expect(await codeOf(res)).toBe("invalid_token");
    }
  });

  it("refuses events claiming another visitor than the token's", async () => {
    const tenant = await seedTenant();
    const token = await pixelToken(tenant.publicKey, "visitor-a");
    const res = await postPixel("/events", { token, events: ownPixelEvents("visitor-b").slice(0, 1) });
    expect(res.status).toBe(400);
  });

  it("rate-limits one key with 429 and a Retry-After the pixel can read, without touching other keys", { timeout: 120_000 }, async () => {
    const tenant = await seedTenant();
    const other = await seedTenant();
    // Spends the key's budget directly in bursts until the limiter refuses, then asks at once: 600 requests sent
    // through the route could outlast a window on a slow machine. Asked again if the window turned in between.
    let limited: Response | undefined;
    for (let burst = 0; burst < 40 && limited?.status !== 429; burst++) {
      const spent = await Promise.all(Array.from({ length: 100 }, () => env.PIXEL_RATE_LIMITER.limit({ key: tenant.publicKeyId })));
      if (spent.every((answer) => answer.success)) continue;
      limited = await postPixel("/handshake", { publicKey: tenant.publicKey, clientId: `v-limited-${burst}` });
    }
    if (!limited) throw new Error("no handshake was sent");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(await codeOf(limited)).toBe("rate_limited");
    expect((await postPixel("/handshake", { publicKey: other.publicKey, clientId: "v" })).status).toBe(200);
  });

  it("refuses a visitor flooding handshakes before it spends the shop's budget, so a new visitor still gets in", { timeout: 120_000 }, async () => {
    const tenant = await seedTenant();
    const flooder = { "CF-Connecting-IP": testAddress() };
    const answers: number[] = [];
    const started = Date.now();
    // Ten times the visitor's limit a window: before visitors were limited, all of it was spent from the key's budget.
    for (let burst = 0; burst < 6; burst++) {
      const sent = await Promise.all(Array.from({ length: 50 }, () => postPixel("/handshake", { publicKey: tenant.publicKey, clientId: "flooder" }, flooder)));
      answers.push(...sent.map((res) => res.status));
    }
    expect(answers.filter((status) => status === 200).length).toBeLessThanOrEqual(30 * windowsSince(started));
    const visitor = await postPixel("/handshake", { publicKey: tenant.publicKey, clientId: "new-visitor" }, { "CF-Connecting-IP": testAddress() });
    expect(visitor.status).toBe(200);
  });

  it("refuses one address changing client ids on every handshake, and other addresses still get in", { timeout: 120_000 }, async () => {
    const tenant = await seedTenant();
    const flooder = { "CF-Connecting-IP": testAddress() };
    const answers: number[] = [];
    const started = Date.now();
    for (let burst = 0; burst < 6; burst++) {
      const sent = await Promise.all(Array.from({ length: 50 }, (_, i) => postPixel("/handshake", { publicKey: tenant.publicKey, clientId: `f${burst}-${i}` }, flooder)));
      answers.push(...sent.map((res) => res.status));
    }
    expect(answers.filter((status) => status === 200).length).toBeLessThanOrEqual(120 * windowsSince(started));
    const visitor = await postPixel("/handshake", { publicKey: tenant.publicKey, clientId: "new-visitor" }, { "CF-Connecting-IP": testAddress() });
    expect(visitor.status).toBe(200);
  });

  it("rate-limits one visitor's events without touching another visitor of the same shop", async () => {
    const tenant = await seedTenant();
    const [flooder, other] = [await pixelToken(tenant.publicKey, "events-flooder"), await pixelToken(tenant.publicKey, "events-other")];
    const sent = await Promise.all(Array.from({ length: 60 }, (_, i) => postPixel("/events", { token: flooder, events: [{ ...ownPixelEvents("events-flooder")[0], id: `flood-${i}` }] })));
    const limited = sent.find((res) => res.status === 429);
    expect(limited, "no 429 within 60 batches of one visitor").toBeDefined();
    expect(await codeOf(limited!)).toBe("rate_limited");
    expect((await postPixel("/events", { token: other, events: ownPixelEvents("events-other").slice(0, 1) })).status).toBe(202);
  });
});

/** How many of the limiters' fixed 10 s windows a run that started at `started` has touched. */
const windowsSince = (started: number) => Math.floor((Date.now() - started) / 10_000) + 2;

/** A documentation-range address of its own, so limits keyed by address never meet another test's. */
function testAddress(): string {
  const hex = crypto.randomUUID().replaceAll("-", "");
  return `2001:db8:${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 12)}:${hex.slice(12, 16)}::1`;
}
