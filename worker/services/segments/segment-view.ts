import type { segmentsTable } from "../../db/schema/index.ts";
import { parseSegment, SEGOPS_TAG_PREFIX, translateToShopify, type SegmentKind } from "./dsl/index.ts";

export type SegmentRow = typeof segmentsTable.$inferSelect;
export type PushMode = SegmentRow["pushMode"];

/** Whether every rule has a Shopify segment-query equivalent, and if not the first rule that blocks it. */
export type Translation = { translatable: true; query: string } | { translatable: false; rule: string; reason: string };

/** What the last push did, as stored on the segment; `in_progress` while continuation messages remain. */
export type PushResult = {
  status: "succeeded" | "partial" | "failed" | "in_progress";
  mode: PushMode;
  at: string;
  added?: number;
  removed?: number;
  failed?: number;
  errors?: string[];
  nativeQuery?: string;
  message?: string;
};

export type SegmentView = {
  id: string;
  slug: string;
  name: string;
  kind: SegmentKind;
  query: string;
  queryJson: unknown;
  pushMode: PushMode;
  tag: string | null;
  translation: Translation;
  nativeSegmentId: string | null;
  memberCount: number;
  lastComputedAt: string | null;
  lastPush: PushResult | null;
  suggestion: string | null;
  createdAt: string;
  updatedAt: string;
};

export const segmentTag = (slug: string) => `${SEGOPS_TAG_PREFIX}${slug}`;

export function translationOf(queryJson: unknown, kind: SegmentKind): Translation {
  const ast = parseSegment(queryJson, kind);
  if (!ast.ok) return { translatable: false, rule: "$", reason: ast.error.message };
  const translated = translateToShopify(ast.value, kind);
  return translated.ok ? { translatable: true, query: translated.value.query } : { translatable: false, ...translated.error };
}

export function toSegmentView(row: SegmentRow): SegmentView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    query: row.query,
    queryJson: row.queryJson,
    pushMode: row.pushMode,
    tag: row.kind === "customer" ? segmentTag(row.slug) : null,
    translation: translationOf(row.queryJson, row.kind),
    nativeSegmentId: row.nativeSegmentGid,
    memberCount: row.memberCount,
    lastComputedAt: row.lastComputedAt?.toISOString() ?? null,
    lastPush: (row.lastPushResult as PushResult | null) ?? null,
    suggestion: row.suggestion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
