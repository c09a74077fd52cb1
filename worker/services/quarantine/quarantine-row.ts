import { newId } from "../../lib/ids.ts";
import type { QuarantineRow } from "../ingest/ingest-plan.ts";

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
