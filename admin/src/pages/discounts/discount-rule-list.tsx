import type { DiscountRule } from "../../api/client.ts";
import { ConfirmButton } from "../../components/confirm-button.tsx";
import { DataTable } from "../../components/data-table.tsx";

const TARGET_LABEL = { order: "Whole order", products: "Products", collections: "Collections", variants: "Variants" } as const;

export const valueLabel = (rule: Pick<DiscountRule, "valueType" | "value">) => (rule.valueType === "percentage" ? `${rule.value}% off` : `${rule.value} off`);

function appliesTo(rule: DiscountRule): string {
  const base = rule.target === "order" ? TARGET_LABEL.order : `${rule.targetIds.length} ${TARGET_LABEL[rule.target].toLowerCase()}`;
  return rule.minimumSubtotal ? `${base}, from ${rule.minimumSubtotal}` : base;
}

type ListProps = { rules: DiscountRule[]; busy: string | null; onEdit: (rule: DiscountRule) => void; onToggle: (rule: DiscountRule) => void; onDelete: (rule: DiscountRule) => Promise<void> };

/** Every rule with its segment, value and state; a rule that reaches nobody says why. */
export function DiscountRuleList({ rules, busy, onEdit, onToggle, onDelete }: ListProps) {
  return (
    <DataTable headers={["Rule", "Segment", "Discount", "Applies to", "Status", ""]}>
      {rules.map((rule) => (
        <s-table-row key={rule.id}>
          <s-table-cell>
            <s-stack gap="small-500">
              <s-text>{rule.title}</s-text>
              {rule.warning && <s-text tone="caution">{rule.warning}</s-text>}
            </s-stack>
          </s-table-cell>
          <s-table-cell>{rule.segment.name}</s-table-cell>
          <s-table-cell>{valueLabel(rule)}</s-table-cell>
          <s-table-cell>{appliesTo(rule)}</s-table-cell>
          <s-table-cell>
            <s-badge tone={rule.status === "active" ? "success" : "neutral"}>{rule.status === "active" ? "Active" : "Paused"}</s-badge>
          </s-table-cell>
          <s-table-cell>
            <s-stack direction="inline" gap="small">
              <s-button variant="tertiary" accessibilityLabel={`Edit ${rule.title}`} onClick={() => onEdit(rule)}>Edit</s-button>
              <s-button variant="tertiary" loading={busy === rule.id} accessibilityLabel={`${rule.status === "active" ? "Pause" : "Resume"} ${rule.title}`} onClick={() => onToggle(rule)}>
                {rule.status === "active" ? "Pause" : "Resume"}
              </s-button>
              <ConfirmButton label="Delete" tone="critical" question={`Delete ${rule.title}? Its customers stop getting the discount at once.`} confirmLabel="Delete rule" onConfirm={() => onDelete(rule)} />
            </s-stack>
          </s-table-cell>
        </s-table-row>
      ))}
    </DataTable>
  );
}
