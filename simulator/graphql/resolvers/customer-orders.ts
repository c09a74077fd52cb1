import type { GraphQLFieldResolver, GraphQLResolveInfo } from "graphql";
import { orderVisible } from "../../store/scopes.ts";
import { requireScopes, type GqlContext } from "../context.ts";
import type { PageArgs } from "../paginate.ts";
import { orderConnection } from "./orders.ts";

type CustomerSource = { legacyResourceId: string };
type OrdersArgs = PageArgs & { query?: string; sortKey?: string };

function visibleOrders(gql: GqlContext, source: CustomerSource): number[] {
  const index = gql.shop.index.customers.get(source.legacyResourceId);
  const orders = index === undefined ? [] : gql.shop.customers[index]!.orders;
  return orders.filter((i) => orderVisible(gql.scopes, gql.shop.orders[i]!, gql.now));
}

/**
 * `Customer.lastOrder` and `Customer.orders`, attached to the schema's Customer type where the schema is built:
 * an order's node already links its customer, so the customer's node cannot import the orders in turn.
 */
export const CUSTOMER_ORDER_FIELDS: Record<string, GraphQLFieldResolver<CustomerSource, GqlContext>> = {
  lastOrder: (source, _args, gql) => {
    requireScopes(gql, "lastOrder", ["read_orders"]);
    const last = visibleOrders(gql, source).at(-1);
    return last === undefined ? null : orderConnection.node(gql, last);
  },
  orders: (source, args: OrdersArgs, gql, info: GraphQLResolveInfo) => {
    requireScopes(gql, "orders", ["read_orders"]);
    return orderConnection.list(gql, visibleOrders(gql, source), args, info);
  },
};
