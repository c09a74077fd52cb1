import type { BatchedMutation } from "../../shopify/run-batched-mutation.ts";

export const FLOW_TRIGGER_RECEIVE: BatchedMutation = {
  operation: "SegOpsFlowTriggers",
  field: "flowTriggerReceive",
  args: { handle: "String", payload: "JSON" },
  selection: "userErrors { field message }",
};

export type FlowTriggerPayload = { userErrors: { field: string[] | null; message: string }[] } | null;

// Flow's documented examples pass reference ids as numbers; ids past 2^53 cannot be JSON numbers, so they stay text.
export const flowResourceId = (id: string): number | string => (Number.isSafeInteger(Number(id)) ? Number(id) : id);
