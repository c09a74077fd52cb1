import { and, eq, like, or } from "drizzle-orm";
import { segmentsTable } from "../../db/schema/index.ts";
import type { TenantContext } from "../../context/deps.ts";

// Shopify tags are at most 255 characters; `segops:` plus a short slug stays readable in the admin's tag lists.
const MAX_SLUG_LENGTH = 48;

/** `High-value repeat buyers!` → `high-value-repeat-buyers`; accents folded, anything else becomes a dash. */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug || "segment";
}

/** The slug for `name`, suffixed `-2`, `-3`… past those the tenant already has (deleted segments keep theirs). */
export async function deriveSlug(args: { ctx: TenantContext; input: { name: string } }): Promise<string> {
  const { ctx, input } = args;
  const base = slugify(input.name);
  const rows = await ctx.db
    .select({ slug: segmentsTable.slug })
    .from(segmentsTable)
    .where(and(eq(segmentsTable.tenantId, ctx.tenantId), or(eq(segmentsTable.slug, base), like(segmentsTable.slug, `${base}-%`))));
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
