import type { z } from "zod";
import { CreateLandingPageInput } from "../../worker/services/landing-pages/landing-page-input.ts";
import { createLandingPage } from "../../worker/services/landing-pages/create-landing-page.ts";
import type { LandingPageView } from "../../worker/services/landing-pages/landing-page-view.ts";
import { appFetch, sim } from "./harness.ts";
import { seedTenant, type SeededTenant } from "./seed-tenant.ts";
import { tenantContextOf } from "./service-context.ts";

const EMPTY = { products: 0, customers: 0, orders: 0, abandonedCheckouts: 0 };

/** A seeded tenant whose shop also exists (empty) in the simulator, so the simulator can sign its storefront requests. */
export async function storefrontTenant(): Promise<SeededTenant> {
  const tenant = await seedTenant();
  await sim().createShop({ shop: tenant.shop, size: EMPTY });
  return tenant;
}

export type ProxyOptions = { query?: Record<string, string | string[]>; customerId?: string; timestamp?: number; secret?: string };

/** A storefront request through Shopify's app proxy: `/apps/segops${path}` arrives as `/proxy${path}`, signed by the simulator. */
export async function proxyFetch(shop: string, path: string, options: ProxyOptions = {}): Promise<Response> {
  return appFetch(`/proxy${path}?${await sim().appProxyQuery(shop, options)}`);
}

export async function createPage(tenantId: string, input: Partial<z.input<typeof CreateLandingPageInput>> & { slug: string }): Promise<LandingPageView> {
  const created = await createLandingPage({ ctx: await tenantContextOf(tenantId), input: CreateLandingPageInput.parse({ title: `Page ${input.slug}`, ...input }) });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** A Liquid answer's text (workerd warns when `.text()` reads a type it does not know as text). */
export async function liquidOf(res: Response): Promise<string> {
  return new TextDecoder().decode(await res.arrayBuffer());
}
