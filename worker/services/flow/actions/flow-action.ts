import type { AdminContext } from "../../../context/admin-context.ts";

/** What SegOps answers Flow: 200 with a result, a 4xx Flow shows on the step, or `retry` for a passing failure. */
export type FlowActionResult = { status: 200 | 400 | 404; body: Record<string, unknown> };
export type FlowActionAnswer = FlowActionResult | { status: "retry"; message: string };

export type FlowActionRun = (args: { ctx: AdminContext; input: { properties: Record<string, unknown> } }) => Promise<FlowActionAnswer>;

export const refuse = (message: string, status: 400 | 404 = 400): FlowActionResult => ({ status, body: { error: { message } } });

export function textProperty(properties: Record<string, unknown>, key: string): string | null {
  const value = properties[key];
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}
