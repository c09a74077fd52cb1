import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { tenantContext } from "../../http/tenant-context.ts";
import type { SetupView } from "../../services/install/describe-setup.ts";
import { getSetup } from "../../services/install/get-setup.ts";
import { retrySetup } from "../../services/install/retry-setup.ts";

export type SetupResponse = SetupView;

/** Polled by the dashboard while setup runs. `POST /setup/retry` resumes a stopped setup. */
export const setupRoutes = new Hono<AppEnv>()
  .get("/setup", async (c) => c.json((await getSetup({ ctx: await tenantContext(c) })) satisfies SetupResponse))
  .post("/setup/retry", async (c) => c.json((await retrySetup({ ctx: await tenantContext(c) })) satisfies SetupResponse, 202));
