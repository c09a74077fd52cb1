import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, shopWithToken, SMALL, startTestSimulator, type TestSimulator } from "./harness.ts";
import { waitFor } from "../helpers/wait-for.ts";

let sim: TestSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.close());

const RUN = `mutation($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q, groupObjects: $g) { bulkOperation { id status } userErrors { code field message } } }`;
const ORDERS_WITH_LINES = `{ orders(query: "created_at:>=2020-01-01") { edges { node { id name lineItems { edges { node { id quantity } } } } } } }`;
const POLL = `query($id: ID!) { node(id: $id) { ... on BulkOperation { id status url partialDataUrl objectCount rootObjectCount errorCode createdAt completedAt } } }`;

async function runToCompletion(graphql: Awaited<ReturnType<typeof shopWithToken>>["graphql"], query: string, groupObjects = false) {
  const started = await graphql(RUN, { q: query, g: groupObjects });
  expect(started.data!.bulkOperationRunQuery.userErrors).toEqual([]);
  const id = started.data!.bulkOperationRunQuery.bulkOperation.id;
  const finished = async () => {
    const { data } = await graphql(POLL, { id });
    return (data!.node.status === "COMPLETED" || data!.node.status === "FAILED") && data!.node;
  };
  return waitFor(finished, { what: `bulk operation ${id} to finish`, intervalMs: 20 });
}

async function jsonl(url: string) {
  const text = await (await fetch(url)).text();
  return { text, rows: text.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("bulk operations", () => {
  it("writes nested connection nodes as separate lines with __parentId and escaped slashes", async () => {
    const { graphql } = await shopWithToken(sim);
    const operation = await runToCompletion(graphql, ORDERS_WITH_LINES, true);
    expect(operation).toMatchObject({ status: "COMPLETED", errorCode: null, rootObjectCount: String(SMALL.orders) });
    const { text, rows } = await jsonl(operation.url);
    expect(text).toContain('"id":"gid:\\/\\/shopify\\/Order\\/');
    expect(text).not.toContain("gid://");
    const orders = rows.filter((row) => !("__parentId" in row));
    const lines = rows.filter((row) => "__parentId" in row);
    expect(orders).toHaveLength(SMALL.orders);
    expect(rows).toHaveLength(Number(operation.objectCount));
    const orderIds = new Set(orders.map((row) => row.id));
    expect(lines.every((row) => orderIds.has(row.__parentId))).toBe(true);
    expect(orders[0]).not.toHaveProperty("lineItems");
    const firstChild = rows.findIndex((row) => "__parentId" in row);
    expect(rows[firstChild - 1]!.id).toBe(rows[firstChild]!.__parentId);
  });

  it("emits children before their parent when the shop asks for it and groupObjects is false", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.settings(shop, { bulkChildrenFirst: true });
    const operation = await runToCompletion(graphql, ORDERS_WITH_LINES, false);
    const { rows } = await jsonl(operation.url);
    expect("__parentId" in rows[0]!).toBe(true);
    const parentAt = rows.findIndex((row) => row.id === rows[0]!.__parentId);
    expect(parentAt).toBeGreaterThan(0);
  });

  it("supports two levels of nesting", async () => {
    const { graphql } = await shopWithToken(sim);
    const operation = await runToCompletion(graphql, `{ customers { edges { node { id orders { edges { node { id lineItems { edges { node { id } } } } } } } } } }`);
    const { rows } = await jsonl(operation.url);
    const lineItems = rows.filter((row) => String(row.id).includes("LineItem"));
    expect(lineItems.length).toBeGreaterThan(0);
    expect(String(lineItems[0]!.__parentId)).toContain("Order");
  });

  it("delivers bulk_operations/finish to the outbox when the file is ready", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.outbox(shop);
    const operation = await runToCompletion(graphql, `{ products { edges { node { id title } } } }`);
    await sim.client.settled();
    const finish = (await sim.client.outbox(shop)).find((d) => d.topic === "bulk_operations/finish");
    expect(JSON.parse(finish!.body)).toMatchObject({ admin_graphql_api_id: operation.id, status: "completed", error_code: null, type: "query" });
  });

  it("refuses a sixth concurrent bulk operation", async () => {
    const { graphql, shop } = await shopWithToken(sim);
    await sim.client.settings(shop, { bulkDelayMs: 60_000 });
    for (let i = 0; i < 5; i++) expect((await graphql(RUN, { q: ORDERS_WITH_LINES, g: false })).data!.bulkOperationRunQuery.userErrors).toEqual([]);
    const sixth = await graphql(RUN, { q: ORDERS_WITH_LINES, g: false });
    expect(sixth.data!.bulkOperationRunQuery.userErrors[0]).toMatchObject({ code: "LIMIT_REACHED" });
    const running = await graphql(`{ currentBulkOperation { status url } }`);
    expect(running.data!.currentBulkOperation).toEqual({ status: "RUNNING", url: null });
  });

  it.each([
    ["no connection", `{ shop { id } }`, "at least one connection"],
    ["three levels of nesting", `{ customers { edges { node { id orders { edges { node { id lineItems { edges { node { id product { id variants { edges { node { id } } } } } } } } } } } } } }`, "nesting depth"],
    ["a nested connection without the parent id", `{ orders { edges { node { name lineItems { edges { node { id } } } } } } }`, "must select the 'id' field"],
    ["an unknown field", `{ orders { edges { node { id fooBar } } } }`, 'Cannot query field "fooBar"'],
  ])("answers a userError for a query with %s", async (_name, query, message) => {
    const { graphql } = await shopWithToken(sim);
    const { data } = await graphql(RUN, { q: query, g: false });
    expect(data!.bulkOperationRunQuery.userErrors[0].message).toContain(message);
  });

  it("leaves out orders older than 60 days without read_all_orders", async () => {
    const { graphql } = await shopWithToken(sim, { grantedScopes: APP.scopes.filter((s) => s !== "read_all_orders") });
    const operation = await runToCompletion(graphql, `{ orders { edges { node { id createdAt } } } }`);
    const { rows } = await jsonl(operation.url);
    expect(rows.length).toBeLessThan(SMALL.orders);
    expect(Math.min(...rows.map((row) => Date.parse(String(row.createdAt))))).toBeGreaterThanOrEqual(Date.parse("2026-09-01T12:00:00Z") - 60 * 86_400_000);
  });

  it("fails with ACCESS_DENIED when the bulk query needs a scope the app lacks", async () => {
    const { graphql } = await shopWithToken(sim, { grantedScopes: ["read_products"] });
    const operation = await runToCompletion(graphql, `{ customers { edges { node { id } } } }`);
    expect(operation).toMatchObject({ status: "FAILED", errorCode: "ACCESS_DENIED", url: null });
  });
});
