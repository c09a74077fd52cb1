import { Hono } from "hono";
import type { AppEnv } from "../../context/app-env.ts";
import { requireOpsToken } from "../../middleware/require-ops-token.ts";
import { registerBackfills } from "./backfills.ts";
import { registerDeadLetters } from "./dead-letters.ts";
import { registerIngestStats } from "./ingest-stats.ts";
import { registerPrivacy } from "./privacy.ts";
import { registerQuarantine } from "./quarantine.ts";
import { tenantMovesRoutes } from "./tenant-moves.ts";

/** Operator endpoints under /ops (quarantine, dead letters, ingest stats, backfills, privacy requests, tenant moves), used by `npm run ops`. */
export const opsRoutes = new Hono<AppEnv>();

opsRoutes.use(requireOpsToken());
registerQuarantine(opsRoutes);
registerDeadLetters(opsRoutes);
registerIngestStats(opsRoutes);
registerBackfills(opsRoutes);
registerPrivacy(opsRoutes);
opsRoutes.route("/", tenantMovesRoutes);
