import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      SHOPIFY_ADMIN_ORIGIN?: string;
      TEST_MIGRATIONS: D1Migration[];
      TEST_SIMULATOR_URL: string;
      TEST_SHARED_FIXTURES: Record<string, string> | null;
    }
  }
}
