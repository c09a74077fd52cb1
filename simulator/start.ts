import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createSimulator, type Simulator } from "./app.ts";
import type { SimulatorOptions } from "./types.ts";

export interface StartedSimulator {
  url: string;
  simulator: Simulator;
  close(): Promise<void>;
}

/** Serves a simulator over HTTP (port 0 = a free port) and fills options.publicUrl with its address. */
export function startSimulator(options: SimulatorOptions & { port?: number; host?: string }): Promise<StartedSimulator> {
  const { port = 0, host = "127.0.0.1", ...simulatorOptions } = options;
  const settings: SimulatorOptions = { ...simulatorOptions };
  const simulator = createSimulator(settings);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: simulator.fetch, port, hostname: host }, (info: AddressInfo) => {
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`;
      settings.publicUrl ??= url;
      resolve({
        url,
        simulator,
        async close() {
          await simulator.close();
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
    // workerd reuses idle connections: Node closing one after its default 5 s (or 60 s headers) timeout races with
    // the next request on it, which then fails in the Worker with "Network connection lost".
    Object.assign(server, { keepAliveTimeout: 0, headersTimeout: 0, requestTimeout: 0 });
    server.once("error", reject);
  });
}
