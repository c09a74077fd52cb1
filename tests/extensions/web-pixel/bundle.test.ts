import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { PIXEL_GZIP_BUDGET_BYTES, buildPixel } from "../../../scripts/build-pixel.ts";

describe("web pixel bundle", () => {
  const built = buildPixel({ write: false });

  it("stays within the gzip budget", async () => {
    const { gzipBytes } = await built;
    expect(gzipBytes).toBeLessThanOrEqual(PIXEL_GZIP_BUDGET_BYTES);
  });

  it("registers through Shopify's WebPixel::Render extension point with the real host package", async () => {
    const { code } = await built;
    const extensionPoints: string[] = [];
    runInNewContext(code, { shopify: { extend: (point: string) => void extensionPoints.push(point) }, TextEncoder });
    expect(extensionPoints).toEqual(["WebPixel::Render"]);
  });
});
