// A visitor sends this many requests in a row (under the 30 per 10 s visitor limit, with its handshake); every few
// visitors share an address (under its 120 per 10 s).
export const REQUESTS_PER_VISITOR = 10;
const VISITORS_PER_ADDRESS = 4;

/** Simulated visitor `v`: its tenant, client id and address (sent as CF-Connecting-IP, which the local runtime keeps). */
export function visitorOf(v: number, runId: string, tenants: number) {
  const address = Math.floor(v / VISITORS_PER_ADDRESS);
  return { tenant: v % tenants, clientId: `bench-${runId}-${v}`, ip: `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` };
}

export const visitorsFor = (requests: number) => Math.ceil(requests / REQUESTS_PER_VISITOR);
