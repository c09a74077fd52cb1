/// <reference types="@shopify/polaris-types" />
import type { ComponentChildren } from "preact";

// App Bridge's CDN script defines these at runtime; declared here are only the parts the admin uses
// (the full surface is in @shopify/app-bridge-types, which types JSX for React, not Preact).
declare global {
  var shopify: {
    config: { apiKey: string; shop?: string; host?: string | null };
    idToken(): Promise<string>;
    toast: { show(message: string, options?: { isError?: boolean; duration?: number }): string };
  };
}

declare module "preact" {
  namespace createElement.JSX {
    interface IntrinsicElements {
      "ui-nav-menu": { children?: ComponentChildren };
    }
  }
}
