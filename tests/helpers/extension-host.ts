import { exports } from "cloudflare:workers";
import { parseHTML } from "linkedom";
import { inject } from "vitest";
import { sim } from "./harness.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The worker origin the bundles call (tests/setup/build-ui-extensions.ts). */
    uiExtensionOrigin: string;
  }
}

export type HostOrder = { shop: string; customerId?: string; orderId: string; productIds: string[] };
/** `close()` takes the stand-in globals away again; call it when the test is done with the block. */
export type RenderedBlock = { document: Document; requests: string[]; statuses: number[]; close: () => void };

const gid = (type: string, id: string) => `gid://shopify/${type}/${id}`;

/**
 * A stand-in for the host a checkout or customer account UI extension runs in: the `shopify` global (session token
 * from the simulator, the order and its lines, the shop), a DOM for `s-*` elements, and a network where the
 * worker's origin reaches the real worker. Runs the built bundle's default export and returns the document.
 */
export async function renderExtension(bundle: "segops-thank-you" | "segops-order-status", order: HostOrder): Promise<RenderedBlock> {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const requests: string[] = [];
  const statuses: number[] = [];
  const origin = inject("uiExtensionOrigin");
  const realFetch = globalThis.fetch;
  const host = {
    sessionToken: { get: () => sim().extensionSessionToken(order.shop, order.customerId ? { customerId: order.customerId } : {}) },
    lines: { value: order.productIds.map((id) => ({ merchandise: { product: { id: gid("Product", id) } } })) },
    shop: { storefrontUrl: `https://${order.shop}` },
    ...(bundle === "segops-thank-you" ? { orderConfirmation: { value: { order: { id: gid("Order", order.orderId) } } } } : { order: { value: { id: gid("Order", order.orderId) } } }),
  };
  const stand = globalThis as unknown as Record<string, unknown>;
  stand.shopify = host;
  stand.document = document;
  stand.fetch = async (input: string, init?: RequestInit) => {
    if (!String(input).startsWith(`${origin}/`)) return realFetch(input, init);
    requests.push(String(input));
    const response = await exports.default.fetch(new Request(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Origin: "https://extensions.shopifycdn.com" } }));
    statuses.push(response.status);
    return response;
  };
  const module = (await import(/* @vite-ignore */ `../../extensions/${bundle}/dist/extension.js`)) as { default: () => Promise<void> };
  const close = () => {
    stand.fetch = realFetch;
    delete stand.shopify;
    delete stand.document;
  };
  await module.default();
  return { document: document as unknown as Document, requests, statuses, close };
}
