import type { ExtensionApi } from "@shopify/web-pixels-extension";

export type DeliveredEvent = { id: string; name: string; type: string; clientId: string; [field: string]: unknown };
export type PixelHostOptions = { analyticsAllowed: boolean; settings?: Record<string, string> };
export type PixelHost = {
  api: ExtensionApi;
  /** Delivers like Shopify: a fresh copy to subscribers of the name, `all_events` and `all_<type>_events`. */
  emit: (...events: DeliveredEvent[]) => void;
  collectConsent: (analyticsAllowed: boolean) => void;
  subscribedNames: () => string[];
  /** Browser APIs the pixel reached for (it should need none of them). */
  browserUses: string[];
};

type Listener = (payload: unknown) => void;

export const PIXEL_SETTINGS = { publicKey: "pk_live_7Hq2mZ9xW4", collectorUrl: "https://app.example" };
export const SIGNED_IN_CUSTOMER = {
  id: "7004123456789",
  email: "signed.in.buyer@example.com",
  firstName: "Alex",
  lastName: "Martin",
  phone: "+33612345678",
  ordersCount: 4,
};

export function createPixelHost({ analyticsAllowed, settings = PIXEL_SETTINGS }: PixelHostOptions): PixelHost {
  const analytics = new Map<string, Listener[]>();
  const consent: Listener[] = [];
  const browserUses: string[] = [];
  const privacy = (allowed: boolean) => ({
    analyticsProcessingAllowed: allowed,
    marketingAllowed: false,
    preferencesProcessingAllowed: false,
    saleOfDataAllowed: false,
  });
  const subscribe = (listeners: Listener[], callback: Listener) => {
    listeners.push(callback);
    return () => listeners.splice(listeners.indexOf(callback), 1).length > 0;
  };
  const api = {
    settings,
    analytics: {
      subscribe: (name: string, callback: Listener) => {
        if (!analytics.has(name)) analytics.set(name, []);
        return subscribe(analytics.get(name)!, callback);
      },
    },
    browser: new Proxy({}, { get: (_, area) => void browserUses.push(String(area)) }),
    init: {
      context: { document: { title: "Torréfaction Lumière" } },
      data: { customer: SIGNED_IN_CUSTOMER, cart: null, shop: { name: "Torréfaction Lumière", myshopifyDomain: "segops-demo.myshopify.com" } },
      customerPrivacy: privacy(analyticsAllowed),
    },
    customerPrivacy: {
      subscribe: (name: string, callback: Listener) => (name === "visitorConsentCollected" ? subscribe(consent, callback) : () => false),
    },
    _pixelInfo: {},
  };
  return {
    api: api as unknown as ExtensionApi,
    emit: (...events) => {
      for (const event of events) {
        for (const name of [event.name, "all_events", `all_${event.type}_events`]) {
          for (const listener of analytics.get(name) ?? []) listener(structuredClone(event));
        }
      }
    },
    collectConsent: (allowed) => {
      for (const listener of consent) listener({ customerPrivacy: privacy(allowed) });
    },
    subscribedNames: () => [...analytics.keys()],
    browserUses,
  };
}
