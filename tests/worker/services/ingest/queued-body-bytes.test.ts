import { describe, expect, it } from "vitest";
import { queuedBodyBytes } from "../../../../worker/services/ingest/enqueue-webhook.ts";

const utf8 = (text: string) => new TextEncoder().encode(text).byteLength;
const weigh = (text: string) => queuedBodyBytes(text, utf8(text));

describe("the weight of a webhook body in a queue message", () => {
  it("counts two bytes a character once one character is outside Latin-1", () => {
    const body = `${"a".repeat(95_000)}€`;
    expect(utf8(body)).toBeLessThan(100_000);
    expect(weigh(body)).toBe(95_001 * 2);
  });

  it("counts UTF-8 bytes where they weigh more, and plain length for ASCII", () => {
    expect(weigh("é".repeat(60_000))).toBe(120_000);
    expect(weigh("€".repeat(32_000))).toBe(96_000);
    expect(weigh("a".repeat(1_000))).toBe(1_000);
  });
});
