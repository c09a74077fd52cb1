import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { installShop, sim } from "../../../helpers/harness.ts";
import { appUninstalledBody, consumeIngestBatch, webhookMessage } from "../../../helpers/ingest-queue.ts";
import { tenantDb } from "../../../helpers/tenant-db.ts";

const tenantStatus = async (tenantId: string) => (await env.DB.prepare("select status from tenants where id = ?").bind(tenantId).first<{ status: string }>())?.status;
const credentialRows = async (tenantId: string) => (await env.DB.prepare("select count(*) n from shop_credentials where tenant_id = ?").bind(tenantId).first<{ n: number }>())?.n;
const quarantineReasons = async (tenantId: string) =>
  (await (await tenantDb(tenantId)).prepare("select reason from quarantine where tenant_id = ? and topic = 'app/uninstalled'").bind(tenantId).all<{ reason: string }>()).results.map((row) => row.reason);
const privacyRequests = async (tenantId: string) => (await env.DB.prepare("select count(*) n from privacy_requests where tenant_id = ?").bind(tenantId).first<{ n: number }>())?.n;

describe("app/uninstalled is confirmed with Shopify before tokens are dropped", () => {
  it("ignores a genuine old body re-sent with fresh headers while the app is installed, keeping the tokens", async () => {
    const { shop, tenantId } = await installShop();
    const replayed = webhookMessage(shop, "app/uninstalled", appUninstalledBody(shop));
    const { result } = await consumeIngestBatch([replayed]);
    expect(result.retryMessages).toEqual([]);
    expect(await tenantStatus(tenantId)).toBe("active");
    expect(await credentialRows(tenantId)).toBe(1);
    expect(await quarantineReasons(tenantId)).toEqual([expect.stringMatching(/not confirmed.*installed/)]);
    expect(await (await tenantDb(tenantId)).prepare("select count(*) n from deliveries where key = ?").bind(replayed.deliveryKey).first()).toEqual({ n: 1 });
    expect(await privacyRequests(tenantId)).toBe(0);
  });

  it("drops the tokens on a real uninstall, which Shopify confirms with a 401", async () => {
    const { shop, tenantId } = await installShop();
    const { deliveries } = await sim().uninstall(shop);
    const { result } = await consumeIngestBatch([webhookMessage(shop, "app/uninstalled", deliveries[0]!.body)]);
    expect(result.retryMessages).toEqual([]);
    expect(await tenantStatus(tenantId)).toBe("uninstalled");
    expect(await credentialRows(tenantId)).toBe(0);
    expect(await quarantineReasons(tenantId)).toEqual([]);
  });

  it("retries the delivery when Shopify answers 5xx to the check, acting on nothing", async () => {
    const { shop, tenantId } = await installShop();
    await sim().settings(shop, { failGraphql: { count: 20, status: 503 } });
    const { result } = await consumeIngestBatch([webhookMessage(shop, "app/uninstalled", appUninstalledBody(shop))]);
    expect(result.retryMessages).toHaveLength(1);
    expect(await tenantStatus(tenantId)).toBe("active");
    expect(await credentialRows(tenantId)).toBe(1);
    expect(await quarantineReasons(tenantId)).toEqual([]);
    await sim().settings(shop, { failGraphql: 0 });
  });
});
