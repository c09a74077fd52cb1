/** What a test waits for, named in the failure; how long it may take and how often it is checked. */
export type WaitOptions = { what: string; timeoutMs?: number; intervalMs?: number };

/**
 * Checks `condition` until it answers a truthy value, and answers that value: how a test waits for background work
 * (a queue consumed, an alarm run, a webhook dispatched, a page polled) instead of sleeping. No imports, so it runs
 * in workerd and Node alike; a timeout fails with what never happened.
 */
export async function waitFor<T>(condition: () => Promise<T | null | undefined | false> | T | null | undefined | false, options: WaitOptions): Promise<T> {
  const { what, timeoutMs = 20_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
