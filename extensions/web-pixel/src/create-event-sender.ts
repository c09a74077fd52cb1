import {
  postEvents,
  requestHandshake,
  type CollectorFailure,
  type CollectorSession,
  type PixelEvent,
  type PixelSettings,
} from "./call-collector.ts";
import { selectEvent } from "./select-event.ts";
import { takeBatch } from "./take-batch.ts";

export type EventSenderOptions = {
  settings: PixelSettings;
  consented: boolean;
  onSession: (session: CollectorSession) => void;
};

const RETRY_DELAY_MS = 1_000;

/**
 * Queues delivered events while analytics consent holds and ships them in batches, one request at a time.
 * Every failure is retried at most once; a refused key stops the pixel until the next page load.
 */
export function createEventSender({ settings, consented, onSession }: EventSenderOptions) {
  let consent = consented;
  let stopped = false;
  let clientId = "";
  let queue: PixelEvent[] = [];
  let session: CollectorSession | undefined;
  let handshaking: Promise<CollectorSession | undefined> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pumping = false;

  const canSend = () => consent && !stopped;

  function receive(event: PixelEvent): void {
    if (!canSend()) return;
    clientId ||= event.clientId;
    if (session && !selectEvent(event, session.config)) return;
    queue.push(event);
    void currentSession().then(scheduleFlush);
  }

  function setConsent(allowed: boolean): void {
    consent = allowed;
    if (!allowed) dropQueue();
  }

  function stop(): void {
    stopped = true;
    dropQueue();
  }

  function dropQueue(): void {
    queue = [];
    clearTimeout(timer);
    timer = undefined;
  }

  function scheduleFlush(): void {
    if (!session || queue.length === 0) return;
    const urgent = queue.length >= session.config.maxBatchEvents || queue.some((event) => event.name === "checkout_completed");
    if (urgent) flush();
    else timer ??= setTimeout(flush, session.config.flushIntervalMs);
  }

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    void pump();
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (canSend() && queue.length > 0) {
        const current = await currentSession();
        if (!current || !canSend()) return;
        const { batch, rest } = takeBatch(queue, current.config);
        queue = rest;
        // Empty only when nothing left can go (all oversize, or maxBatchEvents < 1): stop instead of spinning.
        if (batch.length === 0) return;
        await deliver(batch, current.token);
      }
    } finally {
      pumping = false;
    }
  }

  async function deliver(batch: PixelEvent[], token: string): Promise<void> {
    const first = await postEvents(settings, token, batch);
    if (first.ok) return;
    let retryToken: string | undefined = token;
    if (first.error.reason === "forbidden") return stop();
    if (first.error.reason === "unauthorized") {
      session = undefined;
      retryToken = (await currentSession())?.token;
    } else {
      const delay = retryDelayMs(first.error);
      if (delay === undefined) return;
      await wait(delay);
    }
    if (retryToken === undefined || !canSend()) return;
    const second = await postEvents(settings, retryToken, batch);
    if (!second.ok && second.error.reason === "forbidden") stop();
  }

  function currentSession(): Promise<CollectorSession | undefined> {
    if (session && Date.now() < session.expiresAtMs) return Promise.resolve(session);
    handshaking ??= handshake().finally(() => {
      handshaking = undefined;
    });
    return handshaking;
  }

  async function handshake(): Promise<CollectorSession | undefined> {
    let result = await requestHandshake(settings, clientId);
    const delay = result.ok ? undefined : retryDelayMs(result.error);
    if (delay !== undefined) {
      await wait(delay);
      if (!canSend()) return undefined;
      result = await requestHandshake(settings, clientId);
    }
    if (!canSend()) return undefined;
    if (!result.ok) {
      stop();
      return undefined;
    }
    const established = result.value;
    session = established;
    queue = queue.filter((event) => selectEvent(event, established.config));
    onSession(established);
    return established;
  }

  return { receive, setConsent };
}

function retryDelayMs(error: CollectorFailure): number | undefined {
  if (error.reason === "rate_limited") return error.retryAfterMs;
  return error.reason === "unavailable" ? RETRY_DELAY_MS : undefined;
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
