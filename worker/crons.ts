/** Cron expressions exactly as declared in wrangler.toml `[triggers]` (a test keeps the two lists equal). */
export const CRONS = {
  reconcile: "30 2 * * *",
  metafieldPush: "0 3 * * *",
  retention: "0 4 * * *",
  privacyRequests: "0 6 * * *",
  segmentRecompute: "*/15 * * * *",
  billingDrift: "45 4 * * *",
  recommendationRefresh: "20 * * * *",
} as const;
