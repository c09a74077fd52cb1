import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { SEGOPS_APP_ORIGIN } from "../../extensions/ui-shared/src/app-origin.ts";
import { appOrigin, buildUiExtension, UI_EXTENSION_BUDGET_BYTES, UI_EXTENSIONS } from "../../scripts/build-ui-extensions.ts";

const TARGETS = { "segops-thank-you": "purchase.thank-you.block.render", "segops-order-status": "customer-account.order-status.block.render" } as const;
const built = await Promise.all(UI_EXTENSIONS.map((handle) => buildUiExtension(handle, { write: false })));

type ExtensionToml = { api_version: string; extensions: { type: string; handle: string; targeting: { target: string; module: string }[]; capabilities: { network_access: boolean } }[] };
const tomlOf = (handle: string) => parseToml(readFileSync(join(import.meta.dirname, "../../extensions", handle, "shopify.extension.toml"), "utf8")) as unknown as ExtensionToml;

describe.each(built.map((bundle) => [bundle.handle, bundle] as const))("the %s UI extension", (handle, bundle) => {
  it("is a ui_extension on its target, API 2026-07, allowed to call the network", () => {
    const toml = tomlOf(handle);
    expect(toml.api_version).toBe("2026-07");
    expect(toml.extensions).toHaveLength(1);
    expect(toml.extensions[0]).toMatchObject({ type: "ui_extension", handle, capabilities: { network_access: true } });
    expect(toml.extensions[0]!.targeting).toEqual([{ target: TARGETS[handle], module: "./src/index.tsx" }]);
  });

  it(`stays within Shopify's ${UI_EXTENSION_BUDGET_BYTES} B compressed budget`, () => {
    console.log(`${handle}: ${bundle.bytes} B minified, ${bundle.gzipBytes} B gzip`);
    expect(bundle.gzipBytes).toBeGreaterThan(2_000);
    expect(bundle.gzipBytes).toBeLessThanOrEqual(UI_EXTENSION_BUDGET_BYTES);
  });

  it("calls only SegOps' /checkout/v1 on shopify.app.toml's application origin, with the session token", () => {
    expect(SEGOPS_APP_ORIGIN).toBe(appOrigin());
    expect(bundle.code).toContain(JSON.stringify(appOrigin()));
    expect(bundle.code).toContain("/checkout/v1/");
    expect(bundle.code).toContain("sessionToken.get()");
    expect(bundle.code.match(/\bfetch\(/g)).toHaveLength(1);
  });
});
