import { CatalogProductInput } from "./catalog-product-input.ts";

/** The columns of Shopify's product CSV that SegOps reads; any other column is ignored. */
export const CSV_COLUMNS = [
  "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Status", "SEO Title", "SEO Description",
  "Option1 Name", "Option1 Value", "Option2 Name", "Option2 Value", "Option3 Name", "Option3 Value",
  "Variant SKU", "Variant Price", "Variant Compare At Price", "Variant Barcode", "Image Src", "Image Alt Text",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = { line: number; cells: Partial<Record<CsvColumn, string>> };
export type RowError = { line: number; handle: string | null; column: CsvColumn | null; message: string };

const OPTIONS = [1, 2, 3] as const;
// Where an input field comes from, so a refusal names the column the merchant fixes.
const COLUMN_OF: Record<string, CsvColumn> = {
  handle: "Handle", title: "Title", descriptionHtml: "Body (HTML)", vendor: "Vendor", productType: "Type", tags: "Tags", status: "Status",
  price: "Variant Price", compareAtPrice: "Variant Compare At Price", sku: "Variant SKU", barcode: "Variant Barcode", src: "Image Src", alt: "Image Alt Text",
};

const cell = (row: CsvRow, column: CsvColumn) => row.cells[column]?.trim() ?? "";
const given = (value: string) => (value === "" ? undefined : value);

/**
 * One product from its rows (all with its Handle, in file order), as Shopify's importer reads them: the first row
 * carries the product's fields and option names, every row with an option value, SKU or price is a variant, and
 * image columns add images. Answers the product, or the errors that keep it from being written, each on its line.
 */
export function readCsvProduct(handle: string, rows: readonly CsvRow[]): { product: CatalogProductInput } | { errors: RowError[] } {
  const head = rows[0]!;
  const names = OPTIONS.map((n) => cell(head, `Option${n} Name`)).filter((name) => name !== "");
  const simple = names.length === 0 || (names.length === 1 && names[0] === "Title");
  const variantRows = rows.filter((row) => OPTIONS.some((n) => cell(row, `Option${n} Value`) !== "") || cell(row, "Variant SKU") !== "" || cell(row, "Variant Price") !== "");
  const options = simple ? [] : names.map((name, o) => ({ name, values: [...new Set(variantRows.map((row) => cell(row, `Option${(o + 1) as 1 | 2 | 3} Value`)).filter((v) => v !== ""))] }));
  const category = given(cell(head, "Product Category"))?.split(">").pop()?.trim();
  const images = rows.filter((row) => cell(row, "Image Src") !== "");
  const input = {
    handle,
    title: cell(head, "Title"),
    descriptionHtml: given(head.cells["Body (HTML)"] ?? ""),
    vendor: given(cell(head, "Vendor")),
    productType: given(cell(head, "Type")) ?? category,
    tags: given(cell(head, "Tags"))?.split(",").map((tag) => tag.trim()).filter((tag) => tag !== ""),
    status: given(cell(head, "Status").toLowerCase()),
    seo: { title: given(cell(head, "SEO Title")) ?? null, description: given(cell(head, "SEO Description")) ?? null },
    options,
    variants: variantRows.map((row) => ({
      options: simple ? [] : names.map((_, o) => cell(row, `Option${(o + 1) as 1 | 2 | 3} Value`)),
      price: cell(row, "Variant Price"),
      compareAtPrice: given(cell(row, "Variant Compare At Price")) ?? null,
      sku: given(cell(row, "Variant SKU")) ?? null,
      barcode: given(cell(row, "Variant Barcode")) ?? null,
    })),
    ...(images.length > 0 ? { images: images.map((row) => ({ src: cell(row, "Image Src"), alt: given(cell(row, "Image Alt Text")) ?? null })) } : {}),
  };
  const parsed = CatalogProductInput.safeParse(input);
  if (parsed.success) return { product: parsed.data };
  return {
    errors: parsed.error.issues.map((issue) => {
      const [top, index] = issue.path;
      const at = top === "variants" && typeof index === "number" ? variantRows[index] : top === "images" && typeof index === "number" ? images[index] : head;
      const leaf = [...issue.path].reverse().find((part): part is string => typeof part === "string" && part in COLUMN_OF);
      const optionColumn = top === "variants" && issue.path[2] === "options" && typeof issue.path[3] === "number" ? (`Option${issue.path[3] + 1} Value` as CsvColumn) : null;
      const message = top === "variants" && issue.path.length === 1 && issue.code === "too_small" ? "the product has no variant row (Variant Price)" : issue.message;
      return { line: (at ?? head).line, handle, column: optionColumn ?? (leaf ? COLUMN_OF[leaf]! : null), message };
    }),
  };
}
