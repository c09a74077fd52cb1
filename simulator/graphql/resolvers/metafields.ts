import type { GraphQLResolveInfo } from "graphql";
import { gid, parseId } from "../../lib/ids.ts";
import type { MetafieldDefinitionRecord, MetafieldRecord } from "../../types.ts";
import { requireScopes, type GqlContext, type Resolver } from "../context.ts";
import { connection, paginate, type PageArgs } from "../paginate.ts";
import { metafieldNode, resolveNamespace } from "./metafield-views.ts";
import { storeNow } from "../../store/create-shop.ts";
import { inBackground } from "../../webhooks/dispatch.ts";
import { emitWebhooks, type WebhookEvent } from "../../webhooks/emit.ts";
import { productEvent } from "../../webhooks/payloads/product.ts";

const MAX_METAFIELDS = 25;
const KNOWN_TYPES = new Set(["number_integer", "number_decimal", "json", "single_line_text_field", "multi_line_text_field", "boolean", "list.single_line_text_field", "url", "date", "date_time"]);

function definitionNode(record: MetafieldDefinitionRecord) {
  const access = (record.access ?? {}) as { admin?: string; storefront?: string };
  return {
    __typename: "MetafieldDefinition",
    id: gid("MetafieldDefinition", record.id),
    name: record.name,
    namespace: record.namespace,
    key: record.key,
    description: record.description,
    ownerType: record.ownerType,
    type: { name: record.type, category: record.type.split(".").pop()?.split("_")[0]?.toUpperCase() ?? "TEXT" },
    pinnedPosition: record.pinned ? 1 : null,
    access: { admin: access.admin ?? (record.namespace.startsWith("app--") ? "MERCHANT_READ" : "MERCHANT_READ_WRITE"), storefront: access.storefront ?? "NONE" },
  };
}

export const metafieldDefinitionCreate: Resolver = (_source, args, gql) => {
  const input = args.definition as { name: string; namespace?: string; key: string; type: string; ownerType: string; description?: string; pin?: boolean; access?: unknown; capabilities?: unknown; validations?: unknown };
  requireScopes(gql, "metafieldDefinitionCreate", [input.ownerType === "CUSTOMER" ? "write_customers" : "write_products"]);
  const namespace = resolveNamespace(input.namespace, gql.sim.options.app.apiKey);
  if (!KNOWN_TYPES.has(input.type)) return { createdDefinition: null, userErrors: [{ code: "INCLUSION", field: ["definition", "type"], message: "Type name is not included in the list" }] };
  if (input.key.length < 2 || input.key.length > 64 || !/^[\w-]+$/.test(input.key)) {
    return { createdDefinition: null, userErrors: [{ code: "INVALID", field: ["definition", "key"], message: "Key is invalid" }] };
  }
  const taken = gql.shop.metafieldDefinitions.some((d) => d.namespace === namespace && d.key === input.key && d.ownerType === input.ownerType);
  if (taken) return { createdDefinition: null, userErrors: [{ code: "TAKEN", field: ["definition", "key"], message: "Key is in use for Product metafields on the 'namespace' namespace." }] };
  const record: MetafieldDefinitionRecord = {
    id: String(gql.shop.nextId.misc++),
    name: input.name,
    namespace,
    key: input.key,
    type: input.type,
    ownerType: input.ownerType,
    description: input.description ?? null,
    pinned: input.pin ?? false,
    access: input.access ?? null,
    capabilities: input.capabilities ?? null,
    validations: input.validations ?? [],
  };
  gql.shop.metafieldDefinitions.push(record);
  return { createdDefinition: definitionNode(record), userErrors: [] };
};

export const metafieldDefinitions: Resolver = (_source, args, gql, info: GraphQLResolveInfo) => {
  const namespace = args.namespace ? resolveNamespace(String(args.namespace), gql.sim.options.app.apiKey) : null;
  const records = gql.shop.metafieldDefinitions.filter(
    (d) => d.ownerType === args.ownerType && (namespace === null || d.namespace === namespace) && (!args.key || d.key === args.key),
  );
  const page = paginate(records, (d) => [Number(d.id), d.id], args as PageArgs, gql, info);
  return connection(page, definitionNode);
};

function ownerExists(gql: GqlContext, ownerId: string): boolean {
  const { type, id } = parseId(ownerId);
  if (type === "Product") {
    const index = gql.shop.index.products.get(id);
    return index !== undefined && gql.shop.products[index]!.deletedAt === null;
  }
  if (type === "Customer") return gql.shop.index.customers.has(id);
  if (type === "Order") return gql.shop.index.orders.has(id);
  return false;
}

/** Another app's reserved namespace (`app--<other client id>…`) is not this app's to write. */
function foreignAppNamespace(namespace: string, apiKey: string): boolean {
  return namespace.startsWith("app--") && namespace !== `app--${apiKey}` && !namespace.startsWith(`app--${apiKey}--`);
}

function checkInput(gql: GqlContext, input: MetafieldsSetInput, elementIndex: number, errors: MetafieldsSetError[]) {
  const namespace = resolveNamespace(input.namespace, gql.sim.options.app.apiKey);
  const ownerType = parseId(input.ownerId).type?.toUpperCase() ?? "";
  const definition = gql.shop.metafieldDefinitions.find((d) => d.namespace === namespace && d.key === input.key && d.ownerType === ownerType);
  const type = input.type ?? definition?.type;
  const field = (name: string) => ["metafields", String(elementIndex), name];
  if (foreignAppNamespace(namespace, gql.sim.options.app.apiKey)) {
    errors.push({ code: "APP_NOT_AUTHORIZED", elementIndex, field: field("namespace"), message: "Access to this namespace and key on Metafields for this resource type is not allowed." });
  } else if (!ownerExists(gql, input.ownerId)) errors.push({ code: "INVALID", elementIndex, field: field("ownerId"), message: "Owner does not exist." });
  if (!type) errors.push({ code: "BLANK", elementIndex, field: field("type"), message: "Type can't be blank." });
  else if (definition && definition.type !== type) errors.push({ code: "INVALID_TYPE", elementIndex, field: field("type"), message: `Type must be ${definition.type}.` });
  else if (!valueMatches(type, input.value)) errors.push({ code: "INVALID_VALUE", elementIndex, field: field("value"), message: `Value must be a valid ${type}.` });
  return { ...input, namespace, type: type ?? "" };
}

type MetafieldsSetInput = { ownerId: string; namespace?: string; key: string; type?: string; value: string };
type MetafieldsSetError = { code: string; elementIndex: number; field: string[]; message: string };

/**
 * Atomic upsert of at most 25 metafields: any invalid input fails the whole call. A product whose metafields changed
 * gets a new `updatedAt` and a `products/update` webhook, as on Shopify.
 */
export const metafieldsSet: Resolver = (_source, args, gql) => {
  const inputs = args.metafields as MetafieldsSetInput[];
  if (inputs.length > MAX_METAFIELDS) {
    return { metafields: null, userErrors: [{ code: "LESS_THAN_OR_EQUAL_TO", elementIndex: null, field: ["metafields"], message: `Exceeded the maximum metafields input limit of ${MAX_METAFIELDS}.` }] };
  }
  const errors: MetafieldsSetError[] = [];
  const prepared = inputs.map((input, elementIndex) => checkInput(gql, input, elementIndex, errors));
  if (errors.length > 0) return { metafields: null, userErrors: errors };
  const changedOwners = new Set<string>();
  const saved = prepared.map((input) => {
    const owner = gql.shop.metafields.get(input.ownerId) ?? new Map<string, MetafieldRecord>();
    gql.shop.metafields.set(input.ownerId, owner);
    const existing = owner.get(`${input.namespace}.${input.key}`);
    if (existing?.value === input.value && existing.type === input.type) return metafieldNode(existing);
    const record: MetafieldRecord = existing
      ? { ...existing, type: input.type, value: input.value, updatedAt: gql.now }
      : { id: String(gql.shop.nextId.misc++), ownerId: input.ownerId, namespace: input.namespace, key: input.key, type: input.type, value: input.value, createdAt: gql.now, updatedAt: gql.now };
    owner.set(`${input.namespace}.${input.key}`, record);
    changedOwners.add(input.ownerId);
    return metafieldNode(record);
  });
  announceProductChanges(gql, changedOwners);
  return { metafields: saved, userErrors: [] };
};

function announceProductChanges(gql: GqlContext, owners: Set<string>): void {
  const events: WebhookEvent[] = [];
  for (const owner of owners) {
    const { type, id } = parseId(owner);
    const index = type === "Product" ? gql.shop.index.products.get(id) : undefined;
    const product = index === undefined ? undefined : gql.shop.products[index];
    if (!product) continue;
    product.updatedAt = storeNow(gql.shop);
    events.push(productEvent(gql.shop, product, "products/update"));
  }
  if (events.length > 0) inBackground(gql.sim, emitWebhooks(gql.sim, gql.shop, events, { appCaused: true }));
}

function valueMatches(type: string, value: string): boolean {
  if (type === "number_integer") return /^-?\d+$/.test(value);
  if (type === "number_decimal") return !Number.isNaN(Number(value));
  if (type === "boolean") return value === "true" || value === "false";
  if (type === "json" || type.startsWith("list.")) {
    try {
      const parsed: unknown = JSON.parse(value);
      return !type.startsWith("list.") || Array.isArray(parsed);
    } catch {
      return false;
    }
  }
  return true;
}
