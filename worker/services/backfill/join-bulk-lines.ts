import { typeFromGid } from "../../shopify/gid.ts";

/** A bulk JSONL object with the objects that named it as `__parentId`, grouped by their type (`LineItem`, …). */
export type BulkNode = { value: Record<string, unknown>; children: Record<string, BulkNode[]> };

export type JoinedBulkLines = { roots: BulkNode[]; orphans: number };

/** `__typename` when the query asked for it, else the type inside the gid (`gid://shopify/LineItem/1` → `LineItem`). */
export function bulkTypeOf(value: Record<string, unknown>): string {
  if (typeof value.__typename === "string") return value.__typename;
  return (typeof value.id === "string" ? typeFromGid(value.id) : null) ?? "Unknown";
}

/**
 * Rebuilds the tree from flat JSONL objects in any order: children before or after their parents, grandchildren
 * at depth 2 or more. A child whose parent is not among the objects counts as an orphan.
 */
export function joinBulkLines(objects: Iterable<Record<string, unknown>>): JoinedBulkLines {
  const nodes: { node: BulkNode; parentId: string | null }[] = [];
  const byId = new Map<string, BulkNode>();
  for (const value of objects) {
    const node: BulkNode = { value, children: {} };
    const parentId = typeof value.__parentId === "string" ? value.__parentId : null;
    nodes.push({ node, parentId });
    if (typeof value.id === "string") byId.set(value.id, node);
  }
  const roots: BulkNode[] = [];
  let orphans = 0;
  for (const { node, parentId } of nodes) {
    if (parentId === null) {
      roots.push(node);
      continue;
    }
    const parent = byId.get(parentId);
    if (!parent) {
      orphans++;
      continue;
    }
    const type = bulkTypeOf(node.value);
    const siblings = parent.children[type] ?? [];
    siblings.push(node);
    parent.children[type] = siblings;
  }
  return { roots, orphans };
}

/** The values of a node's children of one type, in the order they came. */
export function childValues(node: BulkNode, type: string): Record<string, unknown>[] {
  return (node.children[type] ?? []).map((child) => child.value);
}
