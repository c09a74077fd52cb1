type FloorEnv = {
  LIMITER: { limit(options: { key: string }): Promise<{ success: boolean }> };
  QUEUE: { send(body: unknown): Promise<void> };
};

let counter = 0;

// wrangler needs a default export. The floor: only the I/O every accepted pixel request must do (spec §3 and §12):
// one rate-limiter call, one queue send, one request log line; the consumer just acknowledges.
export default {
  async fetch(request: Request, env: FloorEnv): Promise<Response> {
    const started = Date.now();
    const body = await request.text();
    const { success } = await env.LIMITER.limit({ key: `key-${counter++ % 64}` });
    if (success) await env.QUEUE.send({ body });
    const status = success ? 202 : 429;
    console.log(JSON.stringify({ level: "info", message: "request", requestId: crypto.randomUUID(), method: "POST", route: "/", status, ms: Date.now() - started }));
    return new Response(null, { status });
  },
  async queue(batch: { ackAll(): void }): Promise<void> {
    batch.ackAll();
  },
};
