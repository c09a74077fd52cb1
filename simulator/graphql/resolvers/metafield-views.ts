import { createHash } from "node:crypto";
import { gid } from "../../lib/ids.ts";
import { isoTime } from "../../lib/time.ts";
import type { MetafieldRecord } from "../../types.ts";
import type { GqlContext } from "../context.ts";

/** `$app:segops` is stored as `app--<client id>--segops`, `$app` as `app--<client id>`. */
export function resolveNamespace(namespace: string | null | undefined, apiKey: string): string {
  if (!namespace || namespace === "$app") return `app--${apiKey}`;
  if (namespace.startsWith("$app:")) return `app--${apiKey}--${namespace.slice(5)}`;
  return namespace;
}

export function metafieldNode(record: MetafieldRecord) {
  let jsonValue: unknown = record.value;
  try {
    jsonValue = JSON.parse(record.value);
  } catch {
    jsonValue = record.value;
  }
  return {
    __typename: "Metafield",
    id: gid("Metafield", record.id),
    namespace: record.namespace,
    key: record.key,
    type: record.type,
    value: record.value,
    jsonValue,
    ownerType: record.ownerId.split("/")[3]?.toUpperCase() ?? "PRODUCT",
    createdAt: isoTime(record.createdAt),
    updatedAt: isoTime(record.updatedAt),
    compareDigest: createHash("sha256").update(record.value).digest("hex"),
  };
}

export function metafieldView(gql: GqlContext, ownerId: string, args: { namespace?: string; key: string }) {
  const namespace = resolveNamespace(args.namespace, gql.sim.options.app.apiKey);
  const record = gql.shop.metafields.get(ownerId)?.get(`${namespace}.${args.key}`);
  return record ? metafieldNode(record) : null;
}
