import type { CustomEvent, StandardEvent } from "@shopify/web-pixels-extension";

export type PixelEvent = StandardEvent | CustomEvent;
export type PixelSettings = { publicKey: string; collectorUrl: string };
export type CollectorConfig = {
  trackedEvents: string[];
  samplingPercent: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  flushIntervalMs: number;
};
export type CollectorSession = { token: string; expiresAtMs: number; config: CollectorConfig };
export type CollectorFailure =
  | { reason: "unauthorized" }
  | { reason: "forbidden" }
  | { reason: "rate_limited"; retryAfterMs: number }
  | { reason: "rejected" }
  | { reason: "unavailable" };
export type CollectorResult<T> = { ok: true; value: T } | { ok: false; error: CollectorFailure };

const RETRY_AFTER_DEFAULT_MS = 1_000;
// text/plain keeps every POST a CORS-simple request, so the sandbox never waits on a preflight.
const TEXT_HEADERS = { "Content-Type": "text/plain;charset=UTF-8" };

export async function requestHandshake(settings: PixelSettings, clientId: string): Promise<CollectorResult<CollectorSession>> {
  const result = await post(`${settings.collectorUrl}/pixel/v1/handshake`, { publicKey: settings.publicKey, clientId });
  if (!result.ok) return result;
  const session = parseSession(await result.value.json().catch(() => undefined));
  return session ? { ok: true, value: session } : { ok: false, error: { reason: "rejected" } };
}

export async function postEvents(settings: PixelSettings, token: string, events: PixelEvent[]): Promise<CollectorResult<void>> {
  const result = await post(`${settings.collectorUrl}/pixel/v1/events`, { token, events });
  return result.ok ? { ok: true, value: undefined } : result;
}

async function post(url: string, body: unknown): Promise<CollectorResult<Response>> {
  let response: Response;
  try {
    // keepalive lets the request outlive the sandbox, which may be torn down as soon as the page hides.
    response = await fetch(url, { method: "POST", keepalive: true, headers: TEXT_HEADERS, body: JSON.stringify(body) });
  } catch {
    return { ok: false, error: { reason: "unavailable" } };
  }
  if (response.ok) return { ok: true, value: response };
  return { ok: false, error: toFailure(response) };
}

function toFailure(response: Response): CollectorFailure {
  if (response.status === 401) return { reason: "unauthorized" };
  if (response.status === 403) return { reason: "forbidden" };
  if (response.status === 429) return { reason: "rate_limited", retryAfterMs: readRetryAfterMs(response.headers) };
  return response.status >= 500 ? { reason: "unavailable" } : { reason: "rejected" };
}

function readRetryAfterMs(headers: Headers): number {
  const seconds = Number(headers.get("Retry-After") ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : RETRY_AFTER_DEFAULT_MS;
}

function parseSession(body: unknown): CollectorSession | undefined {
  const { token, expiresAt, config } = (body ?? {}) as { token?: unknown; expiresAt?: unknown; config?: Partial<CollectorConfig> };
  const expiresAtMs = typeof expiresAt === "string" ? Date.parse(expiresAt) : Number.NaN;
  if (typeof token !== "string" || Number.isNaN(expiresAtMs) || !Array.isArray(config?.trackedEvents)) return undefined;
  return {
    token,
    expiresAtMs,
    config: {
      trackedEvents: config.trackedEvents,
      samplingPercent: config.samplingPercent ?? 100,
      maxBatchEvents: config.maxBatchEvents ?? 50,
      maxBatchBytes: config.maxBatchBytes ?? 65_536,
      flushIntervalMs: config.flushIntervalMs ?? 2_000,
    },
  };
}
