import type { CatalogQuery, CatalogSummary } from "../../api/client.ts";

export const SORTS = [
  { value: "score:asc", label: "Score, lowest first" },
  { value: "score:desc", label: "Score, highest first" },
  { value: "title:asc", label: "Title, A–Z" },
  { value: "updated:desc", label: "Recently updated" },
  { value: "mentions:desc", label: "Most AI mentions" },
] as const;

const BANDS = [
  { value: "", label: "All scores" },
  { value: "low", label: "Low (0–49)" },
  { value: "fair", label: "Fair (50–79)" },
  { value: "good", label: "Good (80–100)" },
  { value: "unscored", label: "Not scored" },
];

const RECOMMENDATIONS = [
  { value: "", label: "Any" },
  { value: "true", label: "Has recommendations" },
  { value: "false", label: "Nothing to fix" },
];

type Filters = Pick<CatalogQuery, "band" | "vendor" | "type" | "hasRecommendations" | "sort" | "direction">;

function Select({ label, value, options, onChange }: { label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <s-select label={label} value={value} onChange={(event) => onChange(event.currentTarget.value ?? "")}>
      {options.map((option) => (
        <s-option key={option.value} value={option.value}>
          {option.label}
        </s-option>
      ))}
    </s-select>
  );
}

/** Sort and filters of the scores table; every change goes to the server, which pages the result. */
export function CatalogFilters({ filters, summary, onChange }: { filters: Filters; summary: CatalogSummary; onChange: (next: Partial<CatalogQuery>) => void }) {
  const all = (label: string, values: string[]) => [{ value: "", label }, ...values.map((value) => ({ value, label: value }))];
  return (
    <s-stack direction="inline" gap="base">
      <Select
        label="Sort by"
        value={`${filters.sort ?? "score"}:${filters.direction ?? "asc"}`}
        options={SORTS}
        onChange={(value) => {
          const [sort, direction] = value.split(":") as [NonNullable<CatalogQuery["sort"]>, NonNullable<CatalogQuery["direction"]>];
          onChange({ sort, direction });
        }}
      />
      <Select label="Score" value={filters.band ?? ""} options={BANDS} onChange={(value) => onChange({ band: (value || undefined) as CatalogQuery["band"] })} />
      <Select label="Vendor" value={filters.vendor ?? ""} options={all("All vendors", summary.vendors)} onChange={(value) => onChange({ vendor: value || undefined })} />
      <Select label="Product type" value={filters.type ?? ""} options={all("All types", summary.types)} onChange={(value) => onChange({ type: value || undefined })} />
      <Select
        label="Recommendations"
        value={filters.hasRecommendations ?? ""}
        options={RECOMMENDATIONS}
        onChange={(value) => onChange({ hasRecommendations: (value || undefined) as CatalogQuery["hasRecommendations"] })}
      />
    </s-stack>
  );
}
