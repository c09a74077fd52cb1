import { userError, type Resolver } from "../context.ts";

const MAX_PAYLOAD_BYTES = 50_000;

/** Records the call so tests can assert on what the app told Flow. */
export const flowTriggerReceive: Resolver = (_source, args, gql) => {
  const handle = typeof args.handle === "string" ? args.handle : null;
  const payload = args.payload ?? (typeof args.body === "string" ? JSON.parse(args.body) : null);
  if (!handle && typeof args.body !== "string") return { userErrors: [userError(["handle"], "Handle can't be blank")] };
  if (handle && handle.length > 30) return { userErrors: [userError(["handle"], "Handle is too long (maximum is 30 characters)")] };
  if (JSON.stringify(payload ?? null).length > MAX_PAYLOAD_BYTES) return { userErrors: [userError(["payload"], "Payload is too large")] };
  gql.shop.flowTriggers.push({ handle: handle ?? "", payload, receivedAt: gql.now });
  return { userErrors: [] };
};
