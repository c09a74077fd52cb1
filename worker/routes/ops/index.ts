import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { requireOpsToken } from "../../middleware/require-ops-token.ts";
import { registerDeadLetters } from "./dead-letters.ts";
import { registerQuarantine } from "./quarantine.ts";

/** Operator endpoints under /ops (quarantine and dead letters), used by `npm run ops`. */
export const opsRoutes = new Hono<AppEnv>();

opsRoutes.use(requireOpsToken());
registerQuarantine(opsRoutes);
registerDeadLetters(opsRoutes);
