import { buildSchema, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { requireScopes, type GqlContext, type Resolver } from "./context.ts";
import { abandonedCheckouts } from "./resolvers/abandoned-checkouts.ts";
import { appSubscriptionCancel, appSubscriptionCreate } from "./resolvers/app-subscriptions.ts";
import { bulkOperationCancel, bulkOperationRunQuery, bulkOperations, currentBulkOperation } from "./resolvers/bulk-operations.ts";
import { CUSTOMER_ORDER_FIELDS } from "./resolvers/customer-orders.ts";
import { customer, customers } from "./resolvers/customers.ts";
import { discountAutomaticAppCreate, discountAutomaticAppUpdate, discountAutomaticDelete } from "./resolvers/discounts.ts";
import { flowTriggerReceive } from "./resolvers/flow.ts";
import { metafieldDefinitionCreate, metafieldDefinitions, metafieldsSet } from "./resolvers/metafields.ts";
import { node, nodes } from "./resolvers/node.ts";
import { order, orders } from "./resolvers/orders.ts";
import { product, products } from "./resolvers/products.ts";
import { productSet } from "./resolvers/product-set.ts";
import { segment, segmentCreate, segmentDelete, segments, segmentUpdate } from "./resolvers/segments.ts";
import { currentAppInstallation, shop } from "./resolvers/shop.ts";
import { tagsAdd, tagsRemove } from "./resolvers/tags.ts";
import { webhookSubscriptionCreate, webhookSubscriptionDelete, webhookSubscriptionUpdate, webhookSubscriptions } from "./resolvers/webhook-subscriptions.ts";
import { webPixel, webPixelCreate, webPixelDelete, webPixelUpdate } from "./resolvers/web-pixel.ts";
import { DISCOUNTS_SDL } from "./discounts-sdl.ts";
import { SCHEMA_SDL } from "./schema-sdl.ts";

type Root = Record<string, [Resolver, string[]?]>;

const QUERY: Root = {
  shop: [shop],
  currentAppInstallation: [currentAppInstallation],
  webhookSubscriptions: [webhookSubscriptions],
  webPixel: [webPixel, ["read_pixels"]],
  metafieldDefinitions: [metafieldDefinitions],
  customers: [customers, ["read_customers"]],
  customer: [customer, ["read_customers"]],
  orders: [orders, ["read_orders"]],
  order: [order, ["read_orders"]],
  products: [products, ["read_products"]],
  product: [product, ["read_products"]],
  abandonedCheckouts: [abandonedCheckouts, ["read_orders"]],
  segments: [segments, ["read_customers"]],
  segment: [segment, ["read_customers"]],
  node: [node],
  nodes: [nodes],
  currentBulkOperation: [currentBulkOperation],
  bulkOperations: [bulkOperations],
};

const MUTATION: Root = {
  webhookSubscriptionCreate: [webhookSubscriptionCreate],
  webhookSubscriptionDelete: [webhookSubscriptionDelete],
  webhookSubscriptionUpdate: [webhookSubscriptionUpdate],
  webPixelCreate: [webPixelCreate, ["write_pixels", "read_customer_events"]],
  webPixelUpdate: [webPixelUpdate, ["write_pixels", "read_customer_events"]],
  webPixelDelete: [webPixelDelete, ["write_pixels", "read_customer_events"]],
  metafieldDefinitionCreate: [metafieldDefinitionCreate],
  metafieldsSet: [metafieldsSet, ["write_products"]],
  productSet: [productSet, ["write_products"]],
  tagsAdd: [tagsAdd],
  tagsRemove: [tagsRemove],
  segmentCreate: [segmentCreate, ["write_customers"]],
  segmentUpdate: [segmentUpdate, ["write_customers"]],
  segmentDelete: [segmentDelete, ["write_customers"]],
  flowTriggerReceive: [flowTriggerReceive],
  bulkOperationRunQuery: [bulkOperationRunQuery],
  bulkOperationCancel: [bulkOperationCancel],
  discountAutomaticAppCreate: [discountAutomaticAppCreate, ["write_discounts"]],
  discountAutomaticAppUpdate: [discountAutomaticAppUpdate, ["write_discounts"]],
  discountAutomaticDelete: [discountAutomaticDelete, ["write_discounts"]],
  appSubscriptionCreate: [appSubscriptionCreate],
  appSubscriptionCancel: [appSubscriptionCancel],
};

function attach(fields: Record<string, { resolve?: GraphQLFieldResolver<unknown, GqlContext> }>, root: Root): void {
  for (const [name, [resolver, scopes]] of Object.entries(root)) {
    const field = fields[name];
    if (!field) throw new Error(`schema has no root field ${name}`);
    field.resolve = (source, args, gql, info) => {
      if (scopes) requireScopes(gql, name, scopes);
      return resolver(source, args, gql, info);
    };
  }
}

/** Field resolvers of one object type, for links between types whose nodes cannot import each other. */
function attachFields(schema: GraphQLSchema, typeName: string, resolvers: Record<string, GraphQLFieldResolver<never, GqlContext>>): void {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`schema has no object type ${typeName}`);
  for (const [name, resolve] of Object.entries(resolvers)) {
    const field = type.getFields()[name];
    if (!field) throw new Error(`schema has no field ${typeName}.${name}`);
    field.resolve = resolve as GraphQLFieldResolver<unknown, GqlContext>;
  }
}

export function buildSimSchema(): GraphQLSchema {
  const schema = buildSchema(SCHEMA_SDL + DISCOUNTS_SDL);
  attach(schema.getQueryType()!.getFields(), QUERY);
  attach(schema.getMutationType()!.getFields(), MUTATION);
  attachFields(schema, "Customer", CUSTOMER_ORDER_FIELDS);
  return schema;
}
