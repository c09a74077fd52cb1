import { describe, expect, it } from "vitest";
import { signPixelToken, verifyPixelToken } from "../../../../worker/services/pixel/pixel-token.ts";
import { serviceDeps } from "../../../helpers/service-context.ts";

const claims = (expiresAt: number) => ({ tenantId: "ten_token", keyId: "key_token", clientId: `visitor-${crypto.randomUUID()}`, expiresAt });

describe("pixel token", () => {
  it("verifies a token again from the isolate's cache, and still refuses it once it has expired", async () => {
    const key = serviceDeps().config.TOKEN_ENCRYPTION_KEY;
    const now = Date.now();
    const token = await signPixelToken(key, claims(now + 60_000));
    expect((await verifyPixelToken(key, token, now)).ok).toBe(true);
    expect((await verifyPixelToken(key, token, now + 1_000)).ok).toBe(true);
    expect(await verifyPixelToken(key, token, now + 60_000)).toEqual({ ok: false, error: { reason: "expired" } });
  });

  it("refuses a tampered copy of a token it has already verified", async () => {
    const key = serviceDeps().config.TOKEN_ENCRYPTION_KEY;
    const token = await signPixelToken(key, claims(Date.now() + 60_000));
    expect((await verifyPixelToken(key, token)).ok).toBe(true);
    const [body, signature] = token.split(".");
    const forged = `${body}.${signature!.startsWith("A") ? "B" : "A"}${signature!.slice(1)}`;
    expect(await verifyPixelToken(key, forged)).toEqual({ ok: false, error: { reason: "bad_signature" } });
  });
});
