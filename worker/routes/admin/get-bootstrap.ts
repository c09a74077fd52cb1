import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { AppError } from "../../errors.ts";
import { tenantContext, tenantControlContext } from "../../http/tenant-context.ts";
import type { SetupView } from "../../services/install/describe-setup.ts";
import { getSetup } from "../../services/install/get-setup.ts";
import { installFromSessionToken } from "../../services/install/install-from-session-token.ts";
import { listBanners, type Banner } from "../../services/install/list-banners.ts";
import { listKeys, type KeysView } from "../../services/keys/list-keys.ts";

export type BootstrapResponse = {
  tenant: { id: string; slug: string; shop: string; status: string; plan: string };
  setup: SetupView;
  keys: KeysView;
  banners: Banner[];
};

/** First call of every admin load: installs on first sight (token exchange + setup), then describes the tenant. */
export const getBootstrapRoute = new Hono<AppEnv>()
  .get("/bootstrap", async (c) => {
    const deps = c.get("deps");
    const installed = await installFromSessionToken({ ctx: deps, input: { shop: c.get("shop")!, sessionToken: c.get("sessionToken")! } });
    if (!installed.ok) {
      if (installed.error.reason === "session_token_rejected") {
        throw new AppError("invalid_token", "Shopify did not accept this session; reload the app from Shopify admin.", {
          headers: { "X-Shopify-Retry-Invalid-Session-Request": "1" },
        });
      }
      throw new AppError("shopify_unavailable", "Shopify is not answering; try again in a moment.");
    }
    const tenant = installed.value;
    c.set("tenantId", tenant.id);
    const ctx = await tenantContext(c);
    const [setup, keys, banners] = await Promise.all([getSetup({ ctx }), listKeys({ ctx: tenantControlContext(c) }), listBanners({ ctx, input: { tenant } })]);
    return c.json({
      tenant: { id: tenant.id, slug: tenant.slug, shop: tenant.shopDomain ?? "", status: tenant.status, plan: "starter" },
      setup,
      keys,
      banners,
    } satisfies BootstrapResponse);
  });
