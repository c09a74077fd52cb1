import { register } from "@shopify/web-pixels-extension";
import { createEventSender } from "./create-event-sender.ts";
import { namesCustomEvent } from "./select-event.ts";

register(({ analytics, init, settings, customerPrivacy }) => {
  const { publicKey, collectorUrl } = settings;
  if (typeof publicKey !== "string" || !publicKey || typeof collectorUrl !== "string" || !collectorUrl) return;

  let customEventsSubscribed = false;
  const sender = createEventSender({
    settings: { publicKey, collectorUrl: collectorUrl.replace(/\/+$/, "") },
    consented: init.customerPrivacy.analyticsProcessingAllowed,
    onSession: ({ config }) => {
      if (customEventsSubscribed || !namesCustomEvent(config.trackedEvents)) return;
      customEventsSubscribed = true;
      analytics.subscribe("all_custom_events", sender.receive);
    },
  });

  customerPrivacy.subscribe("visitorConsentCollected", (event) => {
    sender.setConsent(event.customerPrivacy.analyticsProcessingAllowed);
  });
  analytics.subscribe("all_standard_events", sender.receive);
});
