import { env, } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { OpsTenantMoveResponse, OpsTenantMovesResponse, OpsTenantWhereResponse } from "../../../../worker/routes/ops/tenant-moves.ts";
import { opsRequest } from "../../../helpers/ops-request.ts";
import { placeTenant, seedMoveDataset, tenantRows } from "../../../helpers/seed-move-dataset.ts";
import { seedTenant } from "../../../helpers/seed-tenant.ts";
import { waitFor } from "../../../helpers/wait-for.ts";


const SIZE = { customers: 200, orders: 600, products: 40, eventsPerOrder: 2 };

describe("/ops/tenant", () => {
  it("refuses callers without the operator token, a merchant's server key included", async () => {
    const tenant = await seedTenant();
    expect((await opsRequest("POST", `/tenant/move?shop=${tenant.shop}&to=SHARD_2`, "ops_wrong")).status).toBe(401);
    expect((await opsRequest("GET", `/tenant/where?shop=${tenant.shop}`, tenant.serverKey)).status).toBe(401);
    expect((await opsRequest("GET", "/tenant/moves", tenant.serverKey)).status).toBe(401);
  });

  it("answers 400 for a shard that is not a binding or a bad domain, 404 for an unknown shop, 409 when already there", async () => {
    const tenant = await seedTenant();
    await placeTenant(tenant.tenantId, "SHARD_1");
    const bad = await opsRequest<{ error: { code: string; message: string } }>("POST", `/tenant/move?shop=${tenant.shop}&to=SHARD_9`);
    expect(bad).toMatchObject({ status: 400, body: { error: { code: "validation_failed" } } });
    expect((await opsRequest("POST", "/tenant/move?shop=not a shop&to=SHARD_2")).status).toBe(400);
    expect((await opsRequest("GET", "/tenant/where?shop=nobody-here.myshopify.com")).status).toBe(404);
    const there = await opsRequest<{ error: { code: string; message: string } }>("POST", `/tenant/move?shop=${tenant.shop}&to=SHARD_1`);
    expect(there).toMatchObject({ status: 409, body: { error: { code: "conflict", message: expect.stringContaining("already on SHARD_1") } } });
  });

  it("moves a tenant through the queue; running the command again resumes the same move, and another shard must wait", async () => {
    const tenant = await seedTenant();
    await placeTenant(tenant.tenantId, "SHARD_1");
    await seedMoveDataset(env.SHARD_1, tenant.tenantId, SIZE);
    const before = await tenantRows(env.SHARD_1, tenant.tenantId);

    const started = await opsRequest<OpsTenantMoveResponse>("POST", `/tenant/move?shop=${tenant.shop}&to=SHARD_2`);
    expect(started).toMatchObject({ status: 202, body: { resumed: false, move: { fromShard: "SHARD_1", toShard: "SHARD_2" } } });
    const again = await opsRequest<OpsTenantMoveResponse>("POST", `/tenant/move?shop=${tenant.shop}&to=SHARD_2`);
    expect(again).toMatchObject({ status: 202, body: { resumed: true, move: { id: started.body.move.id } } });
    expect((await opsRequest("POST", `/tenant/move?shop=${tenant.shop}&to=DB`)).status).toBe(409);

    const where = await waitFor(
      async () => {
        const answer = await opsRequest<OpsTenantWhereResponse>("GET", `/tenant/where?shop=${tenant.shop}`);
        return answer.body.moves[0]?.finishedAt ? answer.body : null;
      },
      { what: "the move to finish", timeoutMs: 120_000, intervalMs: 250 },
    );
    expect(where.moves[0]).toMatchObject({ id: started.body.move.id, phase: "done", error: null });
    expect(where.entry).toMatchObject({ shard: "SHARD_2", state: "active" });
    expect(await tenantRows(env.SHARD_2, tenant.tenantId)).toEqual(before);
    expect(Object.values(await tenantRows(env.SHARD_1, tenant.tenantId)).flat()).toHaveLength(0);
    const listed = await opsRequest<OpsTenantMovesResponse>("GET", `/tenant/moves?shop=${tenant.shop}`);
    expect(listed.body.data.map((m) => m.id)).toEqual([started.body.move.id]);
    const all = await opsRequest<OpsTenantMovesResponse>("GET", "/tenant/moves?limit=100");
    expect(all.body.data.map((m) => m.id)).toContain(started.body.move.id);
    const move = where.moves[0]!;
    console.log(`through the queue: ${move.rowsCopied} rows copied at ${move.copyRowsPerSecond} rows/s, frozen ${move.frozenMs} ms`);
  }, 180_000);
});
