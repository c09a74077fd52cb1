import type { GraphQLResolveInfo } from "graphql";
import { gid, parseId } from "../../lib/ids.ts";
import { isoTime } from "../../lib/time.ts";
import type { SegmentRecord } from "../../types.ts";
import { userError, type Resolver } from "../context.ts";
import { connection, paginate, type PageArgs } from "../paginate.ts";
import { checkSegmentQuery } from "../segment-query.ts";

export function segmentNode(record: SegmentRecord) {
  return {
    __typename: "Segment",
    id: gid("Segment", record.id),
    name: record.name,
    query: record.query,
    creationDate: isoTime(record.createdAt),
    lastEditDate: isoTime(record.updatedAt),
  };
}

function nameTaken(segments: Map<string, SegmentRecord>, name: string, except?: string): boolean {
  return [...segments.values()].some((segment) => segment.name === name && segment.id !== except);
}

export const segmentCreate: Resolver = (_source, args, gql) => {
  const name = String(args.name).trim();
  if (!name) return { segment: null, userErrors: [userError(["name"], "Name can't be blank")] };
  if (nameTaken(gql.shop.segments, name)) return { segment: null, userErrors: [userError(["name"], "Name has already been taken")] };
  const check = checkSegmentQuery(String(args.query));
  if (!check.ok) return { segment: null, userErrors: [userError(["query"], check.message)] };
  const record = { id: String(gql.shop.nextId.misc++), name, query: String(args.query), createdAt: gql.now, updatedAt: gql.now };
  gql.shop.segments.set(record.id, record);
  return { segment: segmentNode(record), userErrors: [] };
};

export const segmentUpdate: Resolver = (_source, args, gql) => {
  const record = gql.shop.segments.get(parseId(String(args.id)).id);
  if (!record) return { segment: null, userErrors: [userError(["id"], "Segment does not exist")] };
  if (typeof args.name === "string" && nameTaken(gql.shop.segments, args.name, record.id)) {
    return { segment: null, userErrors: [userError(["name"], "Name has already been taken")] };
  }
  if (typeof args.query === "string") {
    const check = checkSegmentQuery(args.query);
    if (!check.ok) return { segment: null, userErrors: [userError(["query"], check.message)] };
    record.query = args.query;
  }
  if (typeof args.name === "string") record.name = args.name;
  record.updatedAt = gql.now;
  return { segment: segmentNode(record), userErrors: [] };
};

export const segmentDelete: Resolver = (_source, args, gql) => {
  const { id } = parseId(String(args.id));
  if (!gql.shop.segments.delete(id)) return { deletedSegmentId: null, userErrors: [userError(["id"], "Segment does not exist")] };
  return { deletedSegmentId: gid("Segment", id), userErrors: [] };
};

export const segments: Resolver = (_source, args, gql, info: GraphQLResolveInfo) => {
  const records = [...gql.shop.segments.values()];
  const page = paginate(records, (s) => [Number(s.id), s.id], args as PageArgs, gql, info);
  return connection(page, segmentNode);
};

export const segment: Resolver = (_source, args, gql) => {
  const record = gql.shop.segments.get(parseId(String(args.id)).id);
  return record ? segmentNode(record) : null;
};
