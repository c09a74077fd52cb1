import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { APP_PROXY_MAX_AGE_SECONDS } from "../../../../worker/middleware/require-app-proxy-signature.ts";
import { APP_ORIGIN, appFetch, sim } from "../../../helpers/harness.ts";
import { fetchWithEnv } from "../../../helpers/webhook-requests.ts";
import { createPage, liquidOf, proxyFetch, storefrontTenant } from "../../../helpers/storefront-requests.ts";

async function codeOf(res: Response) {
  return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code };
}

async function publishedPage() {
  const tenant = await storefrontTenant();
  await createPage(tenant.tenantId, { slug: "promo", title: "Promo", status: "published", products: { mode: "none" } });
  return tenant;
}

describe("app proxy signature", () => {
  it("accepts Shopify's signature, including one made with the previous secret during a rotation", async () => {
    const { shop } = await publishedPage();
    expect((await proxyFetch(shop, "/pages/promo")).status).toBe(200);
    // The simulator still signs with the secret the app now keeps as the previous one.
    const request = () => new Request(`${APP_ORIGIN}/proxy/pages/promo?${signed}`);
    const signed = await sim().appProxyQuery(shop);
    const rotated = { SHOPIFY_API_SECRET: "a-brand-new-secret", SHOPIFY_API_SECRET_PREVIOUS: env.SHOPIFY_API_SECRET };
    expect((await fetchWithEnv(request(), rotated)).status).toBe(200);
    expect((await fetchWithEnv(request(), { SHOPIFY_API_SECRET: "a-brand-new-secret" })).status).toBe(401);
  });

  it("refuses a request with no signature", async () => {
    const { shop } = await publishedPage();
    expect(await codeOf(await appFetch(`/proxy/pages/promo?shop=${shop}&logged_in_customer_id=&timestamp=${Math.floor(Date.now() / 1000)}`))).toEqual({ status: 401, code: "unauthorized" });
  });

  it("refuses a signature made with another secret, or a signed query with any parameter altered, added or removed", async () => {
    const { shop } = await publishedPage();
    expect(await codeOf(await proxyFetch(shop, "/pages/promo", { secret: "not-the-app-secret" }))).toEqual({ status: 401, code: "invalid_hmac" });
    const signed = new URLSearchParams(await sim().appProxyQuery(shop, { query: { fragment: "1" } }));
    const altered = (change: (q: URLSearchParams) => void) => {
      const query = new URLSearchParams(signed);
      change(query);
      return appFetch(`/proxy/pages/promo?${query}`);
    };
    expect(await codeOf(await altered((q) => q.set("logged_in_customer_id", "5001")))).toEqual({ status: 401, code: "invalid_hmac" });
    expect(await codeOf(await altered((q) => q.set("fragment", "0")))).toEqual({ status: 401, code: "invalid_hmac" });
    expect(await codeOf(await altered((q) => q.append("fragment", "1")))).toEqual({ status: 401, code: "invalid_hmac" });
    expect(await codeOf(await altered((q) => q.delete("path_prefix")))).toEqual({ status: 401, code: "invalid_hmac" });
    expect(await codeOf(await altered((q) => q.set("signature", "00".repeat(32))))).toEqual({ status: 401, code: "invalid_hmac" });
    expect((await altered(() => {})).status).toBe(200);
  });

  it("refuses a stale or future timestamp outside the freshness window", async () => {
    const { shop } = await publishedPage();
    const now = Math.floor(Date.now() / 1000);
    expect(await codeOf(await proxyFetch(shop, "/pages/promo", { timestamp: now - APP_PROXY_MAX_AGE_SECONDS - 5 }))).toEqual({ status: 401, code: "unauthorized" });
    expect(await codeOf(await proxyFetch(shop, "/pages/promo", { timestamp: now + APP_PROXY_MAX_AGE_SECONDS + 5 }))).toEqual({ status: 401, code: "unauthorized" });
    expect((await proxyFetch(shop, "/pages/promo", { timestamp: now - 30 })).status).toBe(200);
  });

  it("serves each shop only its own pages: another shop's signed request never reads them", async () => {
    const a = await publishedPage();
    const b = await storefrontTenant();
    expect(await codeOf(await proxyFetch(b.shop, "/pages/promo"))).toEqual({ status: 404, code: "not_found" });
    // Shop B's signed query pointed at shop A: the signature covers `shop`, so it no longer matches.
    const query = new URLSearchParams(await sim().appProxyQuery(b.shop));
    query.set("shop", a.shop);
    expect(await codeOf(await appFetch(`/proxy/pages/promo?${query}`))).toEqual({ status: 401, code: "invalid_hmac" });
  });

  it("answers 404 for a shop that is not installed", async () => {
    const tenant = await publishedPage();
    await env.DB.prepare("update tenants set status = 'uninstalled' where id = ?").bind(tenant.tenantId).run();
    expect(await codeOf(await proxyFetch(tenant.shop, "/pages/promo"))).toEqual({ status: 404, code: "not_found" });
  });

  it("renders merchant text as text, never as Liquid or HTML", async () => {
    const { shop, tenantId } = await storefrontTenant();
    await createPage(tenantId, {
      slug: "tricky",
      title: "{{ shop.name }} <script>alert(1)</script>",
      body: "{% render 'x' %} & {{ customer.email }}",
      blocks: [{ kind: "button", text: "{{ 'a' | append: 'b' }}", url: '/x" onmouseover="alert(1)' }],
      status: "published",
      products: { mode: "none" },
    });
    const liquid = await liquidOf(await proxyFetch(shop, "/pages/tricky"));
    expect(liquid).toContain("<h1>&#123;&#123; shop.name &#125;&#125; &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    expect(liquid).toContain("<p>&#123;% render &#39;x&#39; %&#125; &amp; &#123;&#123; customer.email &#125;&#125;</p>");
    expect(liquid).toContain('href="/x&quot; onmouseover=&quot;alert(1)"');
    const outsideOurTags = liquid.replace(/\{%- (assign|if|endif)[^%]*-%\}/g, "").replace("{% layout none %}", "");
    expect(outsideOurTags).not.toMatch(/\{\{|\{%/);
  });
});
