import { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import { longestWindowDays, type SegmentError, type SegmentKind, type SegmentNode } from "./dsl/index.ts";
import { translationOf, type PushMode } from "./segment-view.ts";
import type { TenantContext } from "../../context/deps.ts";
import { checkPlanLimit, type PlanLimitRefusal } from "../billing/check-plan-limit.ts";
import { loadHotWindow } from "../privacy/index.ts";

/** DSL text, or the JSON form (an object). */
export const SegmentQueryInput = z.union([z.string().trim().min(1).max(10_000), z.record(z.string(), z.unknown())]);
export const SegmentNameInput = z.string().trim().min(1).max(100);
export const PushModeInput = z.enum(["none", "tags", "native"]);

/** An expected failure of a segment write; `query` carries the DSL error's position and hint. */
export type SegmentWriteError =
  | { reason: "query"; message: string; error: SegmentError }
  | { reason: "push_mode"; message: string; rule?: string }
  | { reason: "not_found"; message: string }
  | { reason: "plan_limit"; message: string; refusal: PlanLimitRefusal };

export const queryError = (error: SegmentError): SegmentWriteError => ({ reason: "query", message: error.message, error });
export const planRefused = (refusal: PlanLimitRefusal): SegmentWriteError => ({ reason: "plan_limit", message: refusal.message, refusal });

/** Product segments reach Shopify through the product metafield; native mode needs every rule to translate. */
export function checkPushMode(mode: PushMode, kind: SegmentKind, queryJson: unknown): Result<PushMode, SegmentWriteError> {
  if (mode === "none") return ok(mode);
  if (kind === "product") {
    return err({ reason: "push_mode", message: "product segments are not pushed as tags or Shopify segments; they feed the segment_memberships metafield" });
  }
  if (mode === "native") {
    const translation = translationOf(queryJson, kind);
    if (!translation.translatable) {
      const message = `\`${translation.rule}\` cannot become part of a Shopify segment (${translation.reason}); push this segment as tags`;
      return err({ reason: "push_mode", message, rule: translation.rule });
    }
  }
  return ok(mode);
}

/**
 * What the plan must allow for a segment write: one more segment when `adding`, and native Shopify segments when the
 * push mode becomes `native`. Checked before anything is written.
 */
export async function checkSegmentPlan(args: { ctx: TenantContext; input: { adding: boolean; native: boolean } }): Promise<Result<void, SegmentWriteError>> {
  const { ctx, input } = args;
  const limits = [...(input.adding ? (["segments"] as const) : []), ...(input.native ? (["nativeSegmentPush"] as const) : [])];
  for (const limit of limits) {
    const checked = await checkPlanLimit({ ctx, input: { limit } });
    if (!checked.ok) return err(planRefused(checked.error));
  }
  return ok(undefined);
}

/**
 * Windowed event counts read D1 only: a window longer than the tenant's hot window would count events the archive
 * already moved out. All-time counts (`count(all)`) read the archived counts on the profile and are always allowed.
 */
export async function checkHotWindow(args: { ctx: TenantContext; input: { ast: SegmentNode; kind: SegmentKind } }): Promise<Result<void, SegmentWriteError>> {
  const { ctx, input } = args;
  if (input.kind !== "customer") return ok(undefined);
  const longest = longestWindowDays(input.ast);
  if (longest === 0) return ok(undefined);
  const hot = await loadHotWindow({ ctx });
  if (longest <= hot.days) return ok(undefined);
  const message = `an event window of ${longest} days is longer than this workspace's hot window of ${hot.days} days (older events are archived)`;
  const hint = `use a window of at most ${hot.days}d, count all time with .count(all), or raise the hot window in Settings → Privacy`;
  return err(queryError({ message, hint, path: "$" }));
}
