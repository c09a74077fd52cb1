import type { LandingPageBody } from "../../api/client.ts";

export type Products = NonNullable<LandingPageBody["products"]>;
type Rule = Extract<Products, { mode: "rule" }>["rule"];

const RULES: { rule: Rule; label: string }[] = [
  { rule: "personal", label: "For each shopper (recently viewed, their segments, best sellers)" },
  { rule: "popular_in_segment", label: "Popular in the target segment" },
  { rule: "best_sellers", label: "Best sellers" },
  { rule: "recently_viewed", label: "Recently viewed by the shopper" },
  { rule: "bought_together", label: "Bought together" },
];

/** Which products the page shows: none, the merchant's picks (product ids), or a recommendation rule. */
export function ProductsPicker({ value, onChange }: { value: Products; onChange: (products: Products) => void }) {
  return (
    <s-stack gap="small">
      <label class="lp-field">
        Products
        <select aria-label="Products" value={value.mode} onChange={(event) => onChange(modeDefault(event.currentTarget.value as Products["mode"]))}>
          <option value="rule">A recommendation rule</option>
          <option value="picks">Products I pick</option>
          <option value="none">No products</option>
        </select>
      </label>
      {value.mode === "rule" && (
        <>
          <label class="lp-field">
            Rule
            <select aria-label="Rule" value={value.rule} onChange={(event) => onChange({ ...value, rule: event.currentTarget.value as Rule })}>
              {RULES.map(({ rule, label }) => (
                <option key={rule} value={rule}>{label}</option>
              ))}
            </select>
          </label>
          <s-number-field label="How many products" value={String(value.limit ?? 4)} onInput={(event) => onChange({ ...value, limit: Number(event.currentTarget.value) || 1 })} />
        </>
      )}
      {value.mode === "picks" && (
        <s-text-field
          label="Product ids, in order"
          value={value.productIds.join(", ")}
          onInput={(event) => onChange({ mode: "picks", productIds: (event.currentTarget.value ?? "").split(/[\s,]+/).filter(Boolean) })}
        />
      )}
    </s-stack>
  );
}

function modeDefault(mode: Products["mode"]): Products {
  if (mode === "picks") return { mode: "picks", productIds: [] };
  if (mode === "none") return { mode: "none" };
  return { mode: "rule", rule: "personal", limit: 4 };
}
