import { Hono } from "hono";
import { registerChargeConfirmationRoutes } from "./admin-host/charge-confirmation-routes.ts";
import { registerEmbeddedAdminRoutes } from "./admin-host/embedded-admin-routes.ts";
import { registerOauthRoutes } from "./auth/oauth-routes.ts";
import { registerCartRoutes } from "./control/cart-routes.ts";
import { registerAppSubscriptionRoutes } from "./control/app-subscription-routes.ts";
import { registerRecordRoutes } from "./control/record-routes.ts";
import { registerShopRoutes } from "./control/shop-routes.ts";
import { registerSystemRoutes } from "./control/system-routes.ts";
import { registerWebhookRoutes } from "./control/webhook-routes.ts";
import { buildSimSchema } from "./graphql/build-schema.ts";
import { registerGraphqlRoute } from "./graphql/graphql-route.ts";
import { documentRecorder } from "./graphql/record-documents.ts";
import { createSimulatorStore, type SimulatorStore } from "./store/simulator-store.ts";
import { registerStorefrontRoutes } from "./storefront/storefront-routes.ts";
import type { SimContext, SimulatorOptions } from "./types.ts";
import { createPubsubKey } from "./webhooks/pubsub-key.ts";

export interface Simulator {
  /** The simulator as a fetch handler (a Hono app): use it in-process or behind a server. */
  fetch(request: Request): Promise<Response>;
  app: Hono;
  store: SimulatorStore;
  options: SimulatorOptions;
  /** Stops pending bulk timers and waits for in-flight webhook pushes. */
  close(): Promise<void>;
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const ctx: SimContext = {
    options,
    shops: new Map(),
    pubsubKey: createPubsubKey(),
    timers: new Set(),
    pending: new Set(),
    shopCounter: 0,
    recordDocument: documentRecorder(options.recordDocuments),
  };
  const store = createSimulatorStore(ctx);
  const app = new Hono();
  app.onError((error, c) => c.json({ error: { code: "internal_error", message: error.message } }, 500));
  registerSystemRoutes(app, ctx);
  registerEmbeddedAdminRoutes(app, ctx);
  registerShopRoutes(app, ctx, store);
  registerCartRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerAppSubscriptionRoutes(app, ctx);
  registerChargeConfirmationRoutes(app, ctx);
  registerOauthRoutes(app, ctx);
  registerStorefrontRoutes(app, ctx);
  registerGraphqlRoute(app, ctx, buildSimSchema());
  app.notFound((c) => c.json({ error: { code: "not_found", message: `${c.req.method} ${new URL(c.req.url).pathname} is not simulated` } }, 404));
  return {
    fetch: async (request) => app.fetch(request),
    app,
    store,
    options,
    async close() {
      for (const timer of ctx.timers) clearTimeout(timer);
      ctx.timers.clear();
      await Promise.all(ctx.pending);
    },
  };
}
