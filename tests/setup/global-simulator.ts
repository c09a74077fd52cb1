import type { TestProject } from "vitest/node";
import { startSimulator } from "../../simulator/index.ts";
import { TEST_ENV } from "./test-env.ts";
import { deployedFunctions } from "../../scripts/build-discount-function.ts";
import { DECLARED_SCOPES } from "../../worker/shopify/scopes.ts";

declare module "vitest" {
  export interface ProvidedContext {
    simulatorUrl: string;
  }
}

/** Starts the store simulator once for the workerd project; deliveries wait in its outbox for the tests to send. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = await startSimulator({
    app: { apiKey: TEST_ENV.SHOPIFY_API_KEY, apiSecret: TEST_ENV.SHOPIFY_API_SECRET, appUrl: TEST_ENV.SHOPIFY_APP_URL, scopes: [...DECLARED_SCOPES] },
    pubsub: { audience: TEST_ENV.PUBSUB_AUDIENCE, serviceAccount: TEST_ENV.PUBSUB_SERVICE_ACCOUNT },
    delivery: "outbox",
    port: 0,
    host: "127.0.0.1",
    recordDocuments: process.env.SIMULATOR_RECORD_DOCUMENTS,
    functions: await deployedFunctions(),
  });
  project.provide("simulatorUrl", started.url);
  return () => started.close();
}
