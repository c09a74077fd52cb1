import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { GqlContext } from "./context.ts";

export type SortValue = number | string;

export function compareBy(a: SortValue, b: SortValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

const MAX_PAGE = 250;

function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify({ last_id: id, last_value: value })).toString("base64url");
}

function decodeCursor(cursor: string): [SortValue, number] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { last_id: string; last_value: SortValue };
    return [parsed.last_value, Number(parsed.last_id)];
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "BAD_REQUEST" } });
  }
}

function compare(a: [SortValue, number], b: [SortValue, number]): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] - b[1];
}

/** First index whose key sorts after `key` in a list sorted by `direction`. */
function indexAfter<T>(items: T[], keyOf: (item: T) => [SortValue, number], key: [SortValue, number], direction: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(keyOf(items[mid]!), key) * direction <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface Page<T> {
  items: T[];
  cursors: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Keyset pagination over records already sorted ascending by `keyOf`; cursors survive inserts between pages. */
export function paginate<T>(
  sorted: T[],
  keyOf: (item: T) => [SortValue, string],
  args: PageArgs,
  gql: GqlContext,
  info: GraphQLResolveInfo,
): Page<T> {
  const numericKey = (item: T): [SortValue, number] => {
    const [value, id] = keyOf(item);
    return [value, Number(id)];
  };
  const direction = args.reverse ? -1 : 1;
  const list = args.reverse ? [...sorted].reverse() : sorted;
  let start = args.after ? indexAfter(list, numericKey, decodeCursor(args.after), direction) : 0;
  let end = args.before ? indexAfter(list, numericKey, decodeCursor(args.before), direction) - 1 : list.length;
  const isBulkRoot = gql.bulk !== null && info.path.prev === undefined;
  if (gql.bulk === null) {
    if (args.first == null && args.last == null) throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
    for (const name of ["first", "last"] as const) {
      const value = args[name];
      if (value != null && (value < 0 || value > MAX_PAGE)) {
        throw new GraphQLError(`The '${name}' argument must be between 0 and ${MAX_PAGE}.`, { extensions: { code: "BAD_REQUEST" } });
      }
    }
  }
  if (isBulkRoot) {
    start = Math.min(end, start + gql.bulk!.offset);
    end = Math.min(end, start + gql.bulk!.limit);
  } else if (gql.bulk === null) {
    if (args.first != null) end = Math.min(end, start + args.first);
    if (args.last != null) start = Math.max(start, end - args.last);
  }
  const items = list.slice(start, Math.max(start, end));
  const node = info.fieldNodes[0];
  gql.returned.set(node, Math.max(gql.returned.get(node) ?? 0, items.length));
  const cursors = items.map((item) => {
    const [value, id] = keyOf(item);
    return encodeCursor(value, id);
  });
  return {
    items,
    cursors,
    pageInfo: {
      hasNextPage: end < list.length,
      hasPreviousPage: start > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    },
  };
}

export function connection<T>(page: Page<T>, view: (item: T) => unknown) {
  const nodes = page.items.map(view);
  return { nodes, edges: nodes.map((node, i) => ({ cursor: page.cursors[i], node })), pageInfo: page.pageInfo };
}
