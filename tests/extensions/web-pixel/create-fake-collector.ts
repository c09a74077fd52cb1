import type { DeliveredEvent } from "./create-pixel-host.ts";

export type CollectorConfigInput = Partial<{
  trackedEvents: string[];
  samplingPercent: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  flushIntervalMs: number;
}>;
export type CollectorAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | "network-error";
export type CollectorRequest = {
  url: string;
  kind: "handshake" | "events";
  init: RequestInit;
  bodyText: string;
  body: { publicKey?: string; clientId?: string; token?: string; events?: DeliveredEvent[] };
};
export type FakeCollector = {
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  requests: CollectorRequest[];
  handshakes: () => CollectorRequest[];
  batches: () => CollectorRequest[];
  sentEvents: () => DeliveredEvent[];
  /** The next answers for that endpoint, before it falls back to answering like the collector. */
  answerNext: (kind: CollectorRequest["kind"], ...answers: Array<CollectorAnswer | Promise<CollectorAnswer>>) => void;
};

export const STANDARD_EVENT_NAMES = [
  "page_viewed",
  "product_viewed",
  "collection_viewed",
  "search_submitted",
  "product_added_to_cart",
  "product_removed_from_cart",
  "cart_viewed",
  "checkout_started",
  "checkout_contact_info_submitted",
  "checkout_address_info_submitted",
  "checkout_shipping_info_submitted",
  "payment_info_submitted",
  "checkout_completed",
  "alert_displayed",
  "ui_extension_errored",
];

/** A 200 handshake answer; unless overridden the config tracks every standard event and samples no one out. */
export function handshakeAnswer({ token, config = {}, ttlMs = 3_600_000 }: { token: string; config?: CollectorConfigInput; ttlMs?: number }): CollectorAnswer {
  return {
    status: 200,
    body: {
      token,
      expiresAt: new Date(Date.now() + ttlMs).toISOString(),
      config: { trackedEvents: STANDARD_EVENT_NAMES, samplingPercent: 100, maxBatchEvents: 50, maxBatchBytes: 65_536, flushIntervalMs: 2_000, ...config },
    },
  };
}

/** A fetch that answers /pixel/v1/handshake and /pixel/v1/events like the collector does, and records every call. */
export function createFakeCollector(config: CollectorConfigInput = {}): FakeCollector {
  const requests: CollectorRequest[] = [];
  const scripted: Record<CollectorRequest["kind"], Array<CollectorAnswer | Promise<CollectorAnswer>>> = { handshake: [], events: [] };
  let issued = 0;

  const answerLikeTheCollector = (request: CollectorRequest): CollectorAnswer =>
    request.kind === "handshake"
      ? handshakeAnswer({ token: `ptk_${++issued}`, config })
      : { status: 202, body: { accepted: request.body.events?.length ?? 0 } };

  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const bodyText = String(init.body);
    const kind = new URL(url).pathname.endsWith("/handshake") ? "handshake" : "events";
    const request: CollectorRequest = { url, kind, init, bodyText, body: JSON.parse(bodyText) };
    requests.push(request);
    const answer = await (scripted[kind].shift() ?? answerLikeTheCollector(request));
    if (answer === "network-error") throw new TypeError("Failed to fetch");
    const { status, body, headers } = answer;
    return { ok: status >= 200 && status < 300, status, headers: new Headers(headers), json: async () => body } as Response;
  };

  return {
    fetch,
    requests,
    handshakes: () => requests.filter((request) => request.kind === "handshake"),
    batches: () => requests.filter((request) => request.kind === "events"),
    sentEvents: () => requests.flatMap((request) => request.body.events ?? []),
    answerNext: (kind, ...answers) => void scripted[kind].push(...answers),
  };
}
