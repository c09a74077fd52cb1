import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { registerReceiveTriggerLifecycle } from "./receive-trigger-lifecycle.ts";
import { registerRunAction } from "./run-action.ts";

/** Shopify Flow: action endpoints and the trigger lifecycle callback under /flow. */
export const flowRoutes = new Hono<AppEnv>();

registerReceiveTriggerLifecycle(flowRoutes);
registerRunAction(flowRoutes);
