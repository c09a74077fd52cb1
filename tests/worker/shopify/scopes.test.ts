import { describe, expect, it } from "vitest";
import { DECLARED_SCOPES, missingScopes } from "../../../worker/shopify/scopes.ts";
import appToml from "../../../shopify.app.toml?raw";

describe("declared scopes", () => {
  it("are the same in shopify.app.toml and the code that checks them", () => {
    const line = /^scopes = "([^"]+)"/m.exec(appToml)?.[1] ?? "";
    expect(line.split(",").sort()).toEqual([...DECLARED_SCOPES].sort());
  });

  it("include what the features need (shopify-reference §0)", () => {
    for (const scope of ["write_customers", "write_pixels", "read_customer_events", "write_discounts", "write_app_proxy", "read_all_orders"]) {
      expect(DECLARED_SCOPES).toContain(scope);
    }
  });

  it("count a write scope as granting its read scope", () => {
    const granted = DECLARED_SCOPES.filter((s) => s !== "read_customers" && s !== "read_all_orders").join(",");
    expect(missingScopes(granted)).toEqual(["read_all_orders"]);
  });
});
