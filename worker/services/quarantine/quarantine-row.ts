import { newId } from "../../lib/ids.ts";

/** A payload SegOps could not map or read, kept with why, for an operator to read and replay. */
export type QuarantineRow = {
  id: string;
  tenantId: string | null;
  shopDomain: string | null;
  source: "webhook" | "pubsub" | "pixel" | "backfill";
  topic: string | null;
  reason: string;
  payload: string;
  headers: Record<string, string>;
  receivedAt: number;
};

/** How an operator's replay of a quarantine row went, written back onto the row. */
export type ReplayResult = { quarantineId: string; result: string; at: number };

const MAX_PAYLOAD_CHARS = 1_500_000;

/** A quarantine row with a fresh id; payloads beyond D1's row limit keep their head and say so in the reason. */
export function quarantineRow(input: Omit<QuarantineRow, "id">): QuarantineRow {
  if (input.payload.length <= MAX_PAYLOAD_CHARS) return { ...input, id: newId("quarantine") };
  return {
    ...input,
    id: newId("quarantine"),
    reason: `${input.reason} (payload truncated from ${input.payload.length} characters)`,
    payload: input.payload.slice(0, MAX_PAYLOAD_CHARS),
  };
}
