import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { TenantObject } from "../../../../durable-objects/tenant-object.ts";
import { tenantObject } from "../../../../worker/context/tenant-object.ts";
import type { BootstrapResponse } from "../../../../worker/routes/admin/get-bootstrap.ts";
import { adminJson, appFetch, createSimShop, waitForSetup } from "../../../helpers/harness.ts";

const REVEAL_KEY = "server-key-reveal";
const stored = (tenantId: string) => runInDurableObject(tenantObject(env, tenantId), (_instance: TenantObject, state) => state.storage.get<Record<string, unknown>>(REVEAL_KEY));

describe("the server key waiting to be revealed", () => {
  it("is kept encrypted in the Durable Object, and revealed once", async () => {
    const shop = await createSimShop();
    const { tenant } = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    await waitForSetup(shop);
    const waiting = await stored(tenant.id);
    expect(waiting).toBeDefined();
    expect(JSON.stringify(waiting)).not.toMatch(/sk_live_/);
    const { key } = await adminJson<{ key: string }>(shop, "/keys/server/reveal", { method: "POST" });
    expect(key).toMatch(/^sk_live_/);
    expect((await appFetch("/v1/connect-links", { method: "POST", headers: { Authorization: `Bearer ${key}` } })).status).toBe(201);
    expect(await stored(tenant.id)).toBeUndefined();
  });

  it("is deleted, not revealed, once its reveal window has passed", async () => {
    const shop = await createSimShop();
    const { tenant } = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    await waitForSetup(shop);
    await runInDurableObject(tenantObject(env, tenant.id), async (_instance: TenantObject, state) => {
      const waiting = (await state.storage.get<Record<string, unknown>>(REVEAL_KEY))!;
      await state.storage.put(REVEAL_KEY, { ...waiting, expiresAt: Date.now() - 1 });
    });
    const view = await adminJson<BootstrapResponse>(shop, "/bootstrap");
    expect(view.keys.server?.revealable).toBe(false);
    expect(await runInDurableObject(tenantObject(env, tenant.id), (instance: TenantObject) => instance.revealServerKey())).toBeNull();
    expect(await stored(tenant.id)).toBeUndefined();
  });
});
