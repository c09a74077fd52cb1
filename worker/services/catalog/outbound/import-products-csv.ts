import type { TenantContext } from "../../../context/deps.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import type { CatalogProductInput } from "./catalog-product-input.ts";
import { MAX_VARIANTS } from "./catalog-product-input.ts";
import { catalogProductRow, type CatalogProductRow } from "./catalog-product-row.ts";
import { requireOutbound, type OutboundOff } from "./create-catalog-product.ts";
import { CSV_COLUMNS, readCsvProduct, type CsvColumn, type CsvRow, type RowError } from "./csv-product-group.ts";
import { CsvSyntaxError, readCsvRecords } from "./read-csv-records.ts";
import { PRODUCTS_PER_PUSH_MESSAGE, writeCatalogProducts } from "./write-catalog-products.ts";

/** Errors answered at most; the counts stay exact past it. */
export const MAX_REPORTED_ERRORS = 1000;
// Variants plus image-only rows: a product with more rows is refused rather than held in memory.
const MAX_ROWS_PER_PRODUCT = MAX_VARIANTS + 250;

export type ImportSummary = { rows: number; products: { written: number; failed: number }; errors: RowError[]; errorsTruncated: boolean };
export type ImportRefusal = OutboundOff | { kind: "bad_header"; message: string };

type Group = { handle: string; rows: CsvRow[]; oversized: boolean };

/**
 * `POST /v1/products/import`: reads a Shopify product CSV as it streams in, one product (its rows, grouped by Handle)
 * at a time. A product with any bad row is not written and each bad row is reported with its line; the others are
 * written whole, 50 at a time, and queued for Shopify (`productSet`) as in `POST /v1/products`.
 */
export async function importProductsCsv(args: { ctx: TenantContext; input: { body: ReadableStream<Uint8Array>; now: number } }): Promise<Result<ImportSummary, ImportRefusal>> {
  const { ctx, input } = args;
  const allowed = await requireOutbound({ ctx });
  if (!allowed.ok) return allowed;
  const summary: ImportSummary = { rows: 0, products: { written: 0, failed: 0 }, errors: [], errorsTruncated: false };
  const report = (error: RowError) => {
    if (summary.errors.length < MAX_REPORTED_ERRORS) summary.errors.push(error);
    else summary.errorsTruncated = true;
  };
  const pending: CatalogProductRow[] = [];
  const flush = async () => {
    summary.products.written += (await writeCatalogProducts({ ctx, input: { products: pending.splice(0), now: input.now } })).length;
  };
  const finish = async (group: Group | null) => {
    if (!group) return;
    const read: { product: CatalogProductInput } | { errors: RowError[] } = group.oversized
      ? { errors: [{ line: group.rows[0]!.line, handle: group.handle, column: "Handle", message: `more than ${MAX_ROWS_PER_PRODUCT} rows for one product` }] }
      : readCsvProduct(group.handle, group.rows);
    if ("errors" in read) {
      summary.products.failed++;
      read.errors.forEach(report);
      return;
    }
    pending.push(catalogProductRow(read.product));
    if (pending.length >= PRODUCTS_PER_PUSH_MESSAGE) await flush();
  };

  let columns: Map<CsvColumn, number> | null = null;
  let group = null as Group | null;
  const seen = new Map<string, number>();
  try {
    for await (const record of readCsvRecords(input.body)) {
      if (!columns) {
        columns = readHeader(record.fields);
        const missing = (["Handle", "Title"] as const).filter((name) => !columns!.has(name));
        if (missing.length > 0) return err({ kind: "bad_header", message: `line ${record.line}: the header has no ${missing.join(" or ")} column (Shopify's product CSV columns)` });
        continue;
      }
      summary.rows++;
      const row: CsvRow = { line: record.line, cells: Object.fromEntries([...columns].map(([name, at]) => [name, record.fields[at] ?? ""])) };
      const handle = row.cells.Handle?.trim() ?? "";
      if (handle === "") {
        report({ line: record.line, handle: null, column: "Handle", message: "Handle is empty: every row names its product" });
        continue;
      }
      if (group?.handle === handle) {
        if (group.rows.length < MAX_ROWS_PER_PRODUCT) group.rows.push(row);
        else group.oversized = true;
        continue;
      }
      await finish(group);
      group = null;
      const first = seen.get(handle);
      if (first !== undefined) {
        report({ line: record.line, handle, column: "Handle", message: `the rows of a product must be together: ${handle} was read from line ${first}` });
        continue;
      }
      seen.set(handle, record.line);
      group = { handle, rows: [row], oversized: false };
    }
    await finish(group);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    // The product being read when the file broke is incomplete: it is not written.
    summary.products.failed++;
    report({ line: error.line, handle: group?.handle ?? null, column: null, message: error.message });
  }
  if (!columns) return err({ kind: "bad_header", message: "the file is empty: a header row (Handle, Title, …) comes first" });
  await flush();
  return ok(summary);
}

function readHeader(fields: readonly string[]): Map<CsvColumn, number> {
  const known = new Set<string>(CSV_COLUMNS);
  const columns = new Map<CsvColumn, number>();
  fields.forEach((name, at) => {
    const trimmed = name.trim();
    if (known.has(trimmed) && !columns.has(trimmed as CsvColumn)) columns.set(trimmed as CsvColumn, at);
  });
  return columns;
}
