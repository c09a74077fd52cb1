import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { controlDeps, tenantControl, type Deps, type TenantContext, type TenantControl } from "../../../worker/context/deps.ts";
import { readPlan } from "../../../worker/services/billing/read-plan.ts";
import { findPublicKey } from "../../../worker/services/keys/find-public-key.ts";
import { seedTenant } from "../../helpers/seed-tenant.ts";
import { tenantContextOf } from "../../helpers/service-context.ts";

describe("a tenant's control-plane handle", () => {
  it("is the control database whatever shard holds the tenant's data, and reads the tenant's keys and plan there", async () => {
    const seeded = await seedTenant({ plan: "growth" });
    const ctx = await tenantContextOf(seeded.tenantId);
    expect(ctx.shard).toMatch(/^SHARD_\d+$/);
    const control = tenantControl(ctx);
    expect(control.d1).toBe(env.DB);
    expect(control.tenantId).toBe(seeded.tenantId);
    expect(await readPlan({ ctx: control })).toBe("growth");
    expect(await findPublicKey({ ctx: control })).toMatchObject({ id: seeded.publicKeyId, publicKey: seeded.publicKey });
  });

  it("cannot be mixed up with the tenant's data context: each is a type error where the other is meant", async () => {
    const ctx: TenantContext = await tenantContextOf((await seedTenant()).tenantId);
    // @ts-expect-error a TenantContext's db is the tenant's data shard, not the control database
    const asControl: TenantControl = ctx;
    // @ts-expect-error nor is it the Deps of a control-plane service
    const asDeps: Deps = ctx;
    // @ts-expect-error the control handle has no data shard to stand for
    const asData: TenantContext = tenantControl(ctx);
    // What each mix-up would do at run time: read the tenant's shard where the control database is meant, or back.
    expect([asControl.d1, asDeps.d1]).toEqual([ctx.d1, ctx.d1]);
    expect(ctx.d1).not.toBe(env.DB);
    expect(asData.d1).toBe(env.DB);
    expect(controlDeps(ctx).d1).toBe(env.DB);
  });
});
