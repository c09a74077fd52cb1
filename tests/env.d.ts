import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      SHOPIFY_ADMIN_ORIGIN?: string;
      // Not in wrangler.toml (Pub/Sub is off by default); the test project configures it against the simulator.
      PUBSUB_AUDIENCE: string;
      PUBSUB_SERVICE_ACCOUNT: string;
      PUBSUB_JWKS_URL: string;
      TEST_MIGRATIONS: D1Migration[];
      TEST_SIMULATOR_URL: string;
      TEST_SHARED_FIXTURES: Record<string, string> | null;
    }
  }
}
