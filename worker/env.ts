import { z } from "zod";
import { productionRefusals } from "./production-refusals.ts";

const base64Key32 = z
  .string()
  .refine((value) => {
    try {
      return atob(value).length === 32;
    } catch {
      return false;
    }
  }, "must be base64 of exactly 32 bytes");

/** Vars and secrets the app needs; parsed once per request at the edge of fetch, queue and scheduled. */
export const ConfigSchema = z.object({
  SHOPIFY_API_KEY: z.string().min(1),
  SHOPIFY_API_SECRET: z.string().min(1),
  SHOPIFY_API_SECRET_PREVIOUS: z.string().min(1).optional(),
  SHOPIFY_APP_URL: z.url(),
  SHOPIFY_API_VERSION: z.string().regex(/^\d{4}-\d{2}$/).default("2026-07"),
  SHOPIFY_ADMIN_ORIGIN: z.url().optional(),
  TOKEN_ENCRYPTION_KEY: base64Key32,
  CONNECT_LINK_SECRET: z.string().min(16),
  /** Absent means production: a deployment that forgot to say so still gets the production checks. */
  ENVIRONMENT: z.enum(["development", "production"]).default("production"),
  /** The Pub/Sub push bridge is configured when all three are set (`pubsubSettings`); none set: it answers 404. */
  PUBSUB_AUDIENCE: z.string().min(1).optional(),
  PUBSUB_SERVICE_ACCOUNT: z.email().optional(),
  PUBSUB_JWKS_URL: z.url().optional(),
  /** When set (`pubsub://project:topic`), install subscribes the data topics to Pub/Sub instead of HTTPS. */
  WEBHOOK_PUBSUB_URI: z.string().regex(/^pubsub:\/\/[^:]+:.+$/).optional(),
  /** How often at most each ingest consumer isolate writes its shard write times (ms); the tests write at once. */
  SHARD_WRITE_FLUSH_MS: z.coerce.number().int().nonnegative().default(1_000),
}).superRefine((config, issues) => {
  for (const refusal of productionRefusals(config)) issues.addIssue({ code: "custom", path: [refusal.variable], message: refusal.message });
});

export type Config = z.infer<typeof ConfigSchema>;

export type PubsubSettings = { audience: string; serviceAccount: string; jwksUrl: string };

/** The Pub/Sub push bridge's settings, or null when it is not configured (then `/webhooks/pubsub` answers 404). */
export function pubsubSettings(config: Config): PubsubSettings | null {
  const { PUBSUB_AUDIENCE: audience, PUBSUB_SERVICE_ACCOUNT: serviceAccount, PUBSUB_JWKS_URL: jwksUrl } = config;
  return audience && serviceAccount && jwksUrl ? { audience, serviceAccount, jwksUrl } : null;
}

const EMPTY_TO_UNDEFINED = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, value === "" ? undefined : value]));

type ParsedConfig = { ok: true; config: Config } | { ok: false; issues: string[] };

// workerd hands every request of an isolate the same env object, so the hot path parses it once, not per request.
const parsedByEnv = new WeakMap<Env, ParsedConfig>();

export function parseConfig(env: Env): ParsedConfig {
  const cached = parsedByEnv.get(env);
  if (cached) return cached;
  const parsed = ConfigSchema.safeParse(EMPTY_TO_UNDEFINED(env as unknown as Record<string, unknown>));
  const result: ParsedConfig = parsed.success
    ? { ok: true, config: parsed.data }
    : { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  parsedByEnv.set(env, result);
  return result;
}
