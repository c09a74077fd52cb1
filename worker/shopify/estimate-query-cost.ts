const MUTATION_COST = 10;
const MAX_QUERY_COST = 1000;

type Frame = { kind: "root" | "connection" | "object" | "through" | "free"; size: number; inner: number };

const THROUGH = new Set(["edges", "node", "nodes"]);

function pageSize(args: string | undefined, variables: Record<string, unknown>): number | null {
  const match = args ? /\b(?:first|last)\s*:\s*(\d+|\$\w+)/.exec(args) : null;
  if (!match) return null;
  const value = match[1]!.startsWith("$") ? variables[match[1]!.slice(1)] : Number(match[1]);
  return typeof value === "number" && Number.isFinite(value) ? value : 1;
}

function close(frame: Frame): number {
  switch (frame.kind) {
    case "connection":
      return 2 + frame.size * Math.max(1, frame.inner);
    case "object":
      return 1 + frame.inner;
    case "free":
      return 0;
    default:
      return frame.inner;
  }
}

/**
 * Shopify's requested cost, computed the way Shopify does (§6.8): an object costs 1, a connection 2 plus its page
 * size times what each node selects; `edges`/`node`/`nodes` add nothing, `pageInfo` is free. It is reserved in the
 * shared bucket before the call, and the response's actual cost is refunded right after.
 */
export function estimateQueryCost(query: string, variables: Record<string, unknown> = {}): number {
  if (/^\s*mutation\b/.test(query)) return MUTATION_COST;
  const text = query
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/#[^\n]*/g, "")
    .replace(/\.\.\.\s*on\s+\w+/g, "on");
  const stack: Frame[] = [];
  let total = 0;
  const token = /([A-Za-z_]\w*)\s*(\([^()]*\))?\s*(\{)?|(\{)|(\})/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const [, name, args, fieldOpens, bareOpens, closes] = match;
    if (closes) {
      const frame = stack.pop();
      if (!frame) break;
      const cost = close(frame);
      if (stack.length === 0) total += cost;
      else stack.at(-1)!.inner += cost;
    } else if (fieldOpens || bareOpens) {
      const size = pageSize(args, variables);
      const kind: Frame["kind"] =
        stack.length === 0 ? "root" : name === "pageInfo" ? "free" : !name || name === "on" || THROUGH.has(name) ? "through" : size !== null ? "connection" : "object";
      stack.push({ kind, size: size ?? 0, inner: 0 });
    }
  }
  return Math.min(Math.max(1, total), MAX_QUERY_COST);
}
