import { consumeQueue } from "../queues/index.ts";
import { newApp } from "./app.ts";
import { runScheduled } from "./scheduled.ts";

export { ShardMeter } from "../durable-objects/shard-meter.ts";
export { TenantObject } from "../durable-objects/tenant-object.ts";

const app = newApp();

// wrangler needs a default export; everything else in the project uses named exports.
export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  queue: (batch, env, ctx) => consumeQueue(batch, env, ctx),
  scheduled: (controller, env, ctx) => runScheduled(controller, env, ctx),
} satisfies ExportedHandler<Env>;
