import type { EventVolumeResponse } from "../../api/client.ts";

type Source = EventVolumeResponse["sources"][number];

/** One color per event source, shared by the stream's badges and the volume chart's bars. */
export const SOURCE_TONES: Record<Source, "info" | "success" | "neutral" | "warning"> = { webhook: "info", pixel: "success", backfill: "neutral", api: "warning" };
export const SOURCE_COLORS: Record<Source, string> = { webhook: "#2c6ecb", pixel: "#29845a", backfill: "#8a8a8a", api: "#b28400" };
