import { keyedHash } from "../../lib/keyed-hash.ts";
import { idFromGid } from "../../shopify/gid.ts";

/** The identifiers of a customer that later data may carry; each is stored only as a keyed hash once redacted. */
export type SubjectKind = "customer_id" | "email" | "phone" | "order_id" | "checkout_token" | "cart_token" | "client_id";
export type Subject = { kind: SubjectKind; value: string };

/** One spelling per identifier: `gid://shopify/Customer/1` and `1` are one customer, `Ada@X.com ` and `ada@x.com` one e-mail. */
export function normalizeSubject(kind: SubjectKind, value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  switch (kind) {
    case "customer_id":
    case "order_id":
      return idFromGid(trimmed);
    case "email":
      return trimmed.toLowerCase();
    case "phone": {
      const digits = trimmed.replace(/[^\d]/g, "");
      return digits === "" ? null : `${trimmed.startsWith("+") ? "+" : ""}${digits}`;
    }
    default:
      return trimmed;
  }
}

/**
 * Keyed hashes of a tenant's subjects (HMAC with a subkey of TOKEN_ENCRYPTION_KEY). The tenant is part of the
 * message, so one e-mail redacted by two shops gives two unrelated hashes.
 */
export async function hashSubjects(encryptionKey: string, tenantId: string, subjects: readonly Subject[]): Promise<string[]> {
  const messages = new Set<string>();
  for (const { kind, value } of subjects) {
    const normal = normalizeSubject(kind, value);
    if (normal !== null) messages.add(`${tenantId}\u0000${kind}\u0000${normal}`);
  }
  return Promise.all([...messages].map((message) => keyedHash(encryptionKey, "privacy-subject/v1", message)));
}

// Tombstone hashes are asked for on every queue batch, for the same few tenants and shops: kept per isolate.
const tombstoneHashes = new Map<string, string>();
const MAX_MEMO = 10_000;

async function tombstoneHash(encryptionKey: string, message: string): Promise<string> {
  const memoKey = `${encryptionKey}\n${message}`;
  const known = tombstoneHashes.get(memoKey);
  if (known) return known;
  const hash = await keyedHash(encryptionKey, "privacy-tombstone/v1", message);
  if (tombstoneHashes.size >= MAX_MEMO) tombstoneHashes.clear();
  tombstoneHashes.set(memoKey, hash);
  return hash;
}

/** The keyed hash an erased tenant is remembered by. */
export const tenantHash = (encryptionKey: string, tenantId: string) => tombstoneHash(encryptionKey, `tenant\u0000${tenantId}`);

/** The keyed hash an erased shop is remembered by (and billing finds its used trial by). */
export const shopHash = (encryptionKey: string, shopDomain: string) => tombstoneHash(encryptionKey, `shop\u0000${shopDomain.trim().toLowerCase()}`);
