import { describe, expect, it } from "vitest";
import { isolateMemo } from "../../../worker/lib/isolate-memo.ts";

describe("isolateMemo", () => {
  it("derives a key's value once and answers later calls from memory", async () => {
    const derived: string[] = [];
    const upper = isolateMemo(async (key) => {
      derived.push(key);
      return key.toUpperCase();
    });
    expect(await upper("a")).toBe("A");
    expect(await upper("a")).toBe("A");
    expect(await upper("b")).toBe("B");
    expect(derived).toEqual(["a", "b"]);
  });

  it("keeps no failure: the next call derives again", async () => {
    let calls = 0;
    const flaky = isolateMemo(async (key) => {
      calls++;
      if (calls === 1) throw new Error("not yet");
      return `${key}!`;
    });
    await expect(flaky("k")).rejects.toThrow("not yet");
    expect(await flaky("k")).toBe("k!");
    expect(await flaky("k")).toBe("k!");
    expect(calls).toBe(2);
  });
});
