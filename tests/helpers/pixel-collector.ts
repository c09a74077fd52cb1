import { exports } from "cloudflare:workers";
import ownEvents from "../fixtures/ingest/pixel-events.json?raw";

export const STOREFRONT_ORIGIN = "https://demo.myshopify.com";

/** The project's own Web Pixels events (tests/fixtures/ingest), as one visitor. */
export function ownPixelEvents(clientId: string): Record<string, unknown>[] {
  return JSON.parse(ownEvents.replaceAll('"CLIENT"', JSON.stringify(clientId))) as Record<string, unknown>[];
}

/** A collector call the way the pixel makes it: POST, text/plain JSON, from a storefront origin. */
export function postPixel(path: "/handshake" | "/events", body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch(
    new Request(`https://segops.test/pixel/v1${path}`, {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8", Origin: STOREFRONT_ORIGIN, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

export async function pixelToken(publicKey: string, clientId: string): Promise<string> {
  const res = await postPixel("/handshake", { publicKey, clientId });
  if (res.status !== 200) throw new Error(`handshake answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
