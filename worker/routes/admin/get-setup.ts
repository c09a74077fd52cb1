import type { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { describeSetup, type SetupView } from "../../services/install/describe-setup.ts";
import { tenantObject } from "../../context/tenant-object.ts";

export type SetupResponse = SetupView;

/** Polled by the dashboard while setup runs. `POST /setup/retry` resumes a stopped setup. */
export function registerGetSetup(app: Hono<AppEnv>): void {
  app.get("/setup", async (c) => {
    const state = await tenantObject(c.env, c.get("tenantId")!).getSetup();
    return c.json(describeSetup(state) satisfies SetupResponse);
  });
  app.post("/setup/retry", async (c) => {
    const object = tenantObject(c.env, c.get("tenantId")!);
    await object.startSetup({ restart: false });
    return c.json(describeSetup(await object.getSetup()) satisfies SetupResponse, 202);
  });
}
