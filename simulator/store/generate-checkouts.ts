import { derivedToken, type Prng } from "../lib/prng.ts";
import { DAY } from "../lib/time.ts";
import type { CheckoutRecord, IdKind, VariantRecord } from "../types.ts";
import { takeId } from "./next-id.ts";

/** New-format cart token: base64 of `gcp-<region>:<ULID-like>`, as in real checkout-extensibility stores. */
export function cartTokenFor(key: string): string {
  const ulid = derivedToken(key).toUpperCase().replace(/[ILOU]/g, "X").slice(0, 26);
  return Buffer.from(`gcp-us-east1:01${ulid.slice(2)}`).toString("base64").replace(/=+$/, "");
}

export function generateCheckouts(
  prng: Prng,
  count: number,
  now: number,
  days: number,
  customerCount: number,
  variants: VariantRecord[],
  next: Record<IdKind, number>,
): CheckoutRecord[] {
  const times = Array.from({ length: count }, () => now - Math.floor(prng.next() * days * DAY)).sort((a, b) => a - b);
  return times.map((createdAt, i) => {
    const id = takeId(next, "checkout", prng.int(1, 900));
    const lines: number[] = [];
    let total = 0;
    for (let l = prng.int(1, 3); l > 0 && variants.length > 0; l--) {
      const variant = prng.int(0, variants.length - 1);
      const quantity = prng.int(1, 2);
      lines.push(variant, quantity);
      total += variants[variant]!.priceCents * quantity;
    }
    const customer = customerCount > 0 && prng.chance(0.6) ? prng.int(0, customerCount - 1) : -1;
    return {
      id,
      token: derivedToken(`checkout:${id}:${i}`),
      cartToken: cartTokenFor(`cart:${id}`),
      customer,
      email: customer === -1 && prng.chance(0.3) ? null : customer === -1 ? `shopper${i}@example.net` : null,
      lines,
      totalCents: total,
      createdAt,
      updatedAt: createdAt + prng.int(1, 30) * 60_000,
      completedAt: null,
    };
  });
}
