import fc from "fast-check";
import { SignJWT } from "jose";
import { fillPath, type RouteEntry } from "./route-table.ts";

export type FuzzRequest = { method: string; path: string; headers: Record<string, string>; body: string | Uint8Array<ArrayBuffer> | undefined };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];
const CONTENT_TYPES = ["application/json", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", ""];
const TOPICS = ["orders/create", "app/uninstalled", "customers/redact", "shop/redact", "products/update", "nope/nope", ""];

/** Credentials that look right and are not: made up, signed with another secret, expired, for another app. */
export async function forgedCredentials(apiKey: string, secret: string): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, key: string, exp: number | null) => {
    const jwt = new SignJWT({ dest: "https://fuzz-shop.myshopify.com", ...claims }).setProtectedHeader({ alg: "HS256" }).setIssuer("https://fuzz-shop.myshopify.com/admin").setAudience(apiKey);
    if (exp !== null) jwt.setExpirationTime(exp);
    return jwt.sign(new TextEncoder().encode(key));
  };
  return [
    await sign({}, "not-the-secret", now + 60),
    await sign({}, secret, now - 600),
    await sign({}, secret, null),
    await sign({ aud: "another-app" }, "another-secret", now + 60),
    // Checkout extension tokens (bare-domain dest, no iss): of a shop without SegOps, wrongly signed, not yet valid.
    await new SignJWT({ dest: "fuzz-shop.myshopify.com", sub: "gid://shopify/Customer/1" }).setProtectedHeader({ alg: "HS256" }).setAudience(apiKey).setExpirationTime(now + 300).sign(new TextEncoder().encode(secret)),
    await new SignJWT({ dest: "fuzz-shop.myshopify.com" }).setProtectedHeader({ alg: "HS256" }).setAudience(apiKey).setExpirationTime(now + 300).sign(new TextEncoder().encode("not-the-secret")),
    await new SignJWT({ dest: "fuzz-shop.myshopify.com" }).setProtectedHeader({ alg: "HS256" }).setAudience(apiKey).setNotBefore(now + 3600).setExpirationTime(now + 7200).sign(new TextEncoder().encode(secret)),
    "sk_live_0000000000000000000000000000000000000000",
    "pk_live_00000000000000000000000000000000",
    "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.",
  ];
}

const hugeString = fc.integer({ min: 10_000, max: 300_000 }).map((n) => "x".repeat(n));
const bigId = fc.constantFrom("9007199254740993", "18446744073709551616", "-1", "0", "1e309", "NaN");
const weirdText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }), bigId, fc.constantFrom("../../etc", "%00", "' or 1=1 --", "<script>", "\u0000", "gid://shopify/Shop/1"));
// Header values travel as bytes: a real client sends ASCII (workerd would re-encode anything else as UTF-8).
const headerText = fc.oneof(fc.string({ maxLength: 60 }), bigId, fc.constantFrom("%00", "' or 1=1 --", "\t"));
const jsonValue = fc.jsonValue({ maxDepth: 4 });

function nested(depth: number): string {
  return `${"[".repeat(depth)}1${"]".repeat(depth)}`;
}

/** Bodies of every bad kind the issue lists; some are also well-formed JSON of plausible shapes. */
const body: fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((value) => JSON.stringify(value)),
  jsonValue.chain((value) => fc.nat().map((cut) => JSON.stringify(value).slice(0, cut % (JSON.stringify(value).length + 1)))),
  fc.integer({ min: 100, max: 5_000 }).map(nested),
  hugeString.map((s) => JSON.stringify({ padding: s })),
  fc.array(fc.integer(), { minLength: 1_000, maxLength: 20_000 }).map((a) => JSON.stringify(a)),
  bigId.map((id) => `{"id":${/^\d+$/.test(id) ? id : `"${id}"`},"customer":{"id":${id === "NaN" ? "1" : "9007199254740993"}}}`),
  fc.constant('{"a":1,"a":2,"token":"x","token":"y"}'),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Uint8Array.from([0x7b, 0xff, 0xfe, ...bytes, 0xc3])),
  fc.record({ token: weirdText, events: fc.array(fc.record({ id: weirdText, name: weirdText, clientId: weirdText, customData: jsonValue }), { maxLength: 60 }) }).map((v) => JSON.stringify(v)),
  fc.record({ publicKey: weirdText, clientId: weirdText }).map((v) => JSON.stringify(v)),
  fc.record({ name: weirdText, definition: jsonValue, shop: weirdText, limit: fc.oneof(fc.integer(), weirdText) }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

/** One hostile request for one route of the table: mostly its own method, often a wrong one. */
export function fuzzRequest(routes: RouteEntry[], credentials: string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      wrongMethod: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.constantFrom(...METHODS), weight: 1 }),
      param: weirdText,
      query: fc.array(fc.tuple(fc.constantFrom("since", "limit", "cursor", "shop", "hmac", "host", "id_token", "timestamp", "code", "state", "tenantId", "q"), weirdText), { maxLength: 4 }),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      auth: fc.option(fc.oneof(fc.constantFrom(...credentials), headerText), { nil: undefined }),
      scheme: fc.constantFrom("Bearer ", "Basic ", "", "bearer "),
      topic: fc.constantFrom(...TOPICS),
      hmac: fc.oneof(fc.base64String({ maxLength: 44 }), headerText),
      body,
    })
    .map(({ route, wrongMethod, param, query, contentType, auth, scheme, topic, hmac, body }) => {
      const method = wrongMethod ?? (route.method === "ALL" ? "PUT" : route.method);
      const search = new URLSearchParams(query).toString();
      const path = `${fillPath(route.path, () => param || "x")}${search ? `?${search}` : ""}`;
      const headers: Record<string, string> = {
        "X-Shopify-Topic": topic,
        "X-Shopify-Shop-Domain": "fuzz-shop.myshopify.com",
        "X-Shopify-Hmac-Sha256": hmac,
        "X-Shopify-Webhook-Id": "fuzz",
      };
      if (contentType) headers["Content-Type"] = contentType;
      if (auth !== undefined) headers.Authorization = `${scheme}${auth}`;
      const sendsBody = method !== "GET" && method !== "HEAD";
      return { method, path, headers, body: sendsBody ? body : undefined };
    });
}
