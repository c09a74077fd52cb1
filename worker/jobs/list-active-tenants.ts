import { eq } from "drizzle-orm";
import { tenantsTable } from "../db/schema/index.ts";
import type { Deps } from "../context/deps.ts";

export async function listActiveTenantIds({ db }: Deps): Promise<string[]> {
  const rows = await db.select({ id: tenantsTable.id }).from(tenantsTable).where(eq(tenantsTable.status, "active"));
  return rows.map((row) => row.id);
}
