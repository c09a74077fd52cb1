import { describe, expect, it } from "vitest";
import { retryDelaySeconds } from "../../queues/run-messages.ts";

describe("retryDelaySeconds", () => {
  it("doubles with each attempt and caps at 15 minutes", () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([2, 4, 8, 16]);
    expect(retryDelaySeconds(20)).toBe(900);
  });
});
