import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { DiscountRule, DiscountRuleBody, DiscountsApi, SegmentsApi, SegmentView } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { SegmentChoice } from "./segment-choice.tsx";

type Target = DiscountRuleBody["target"];
type Combines = NonNullable<DiscountRuleBody["combinesWith"]>;

const TARGETS: { target: Target; label: string; ids: string }[] = [
  { target: "order", label: "Whole order", ids: "" },
  { target: "products", label: "Products", ids: "Product ids" },
  { target: "collections", label: "Collections", ids: "Collection ids" },
  { target: "variants", label: "Variants", ids: "Variant ids" },
];
const COMBINES: { key: keyof Combines; label: string }[] = [
  { key: "orderDiscounts", label: "Combines with order discounts" },
  { key: "productDiscounts", label: "Combines with product discounts" },
  { key: "shippingDiscounts", label: "Combines with shipping discounts" },
];

/** `2027-01-31` (the field) ↔ the API's ISO time at the start of that day, UTC. */
const toIso = (day: string) => (day.trim() ? `${day.trim()}T00:00:00Z` : null);
const toDay = (iso: string | null) => iso?.slice(0, 10) ?? "";

type FormProps = {
  api: DiscountsApi;
  segmentsApi: SegmentsApi;
  segments: SegmentView[];
  rule: DiscountRule | null;
  onSaved: () => void;
  onCancel: () => void;
  onSegmentSwitched: () => void;
};

/** Create or edit a rule: segment, title, value, what it applies to, minimum, dates and combinations. */
export function DiscountRuleForm({ api, segmentsApi, segments, rule, onSaved, onCancel, onSegmentSwitched }: FormProps) {
  const [title, setTitle] = useState(rule?.title ?? "");
  const [segment, setSegment] = useState(rule?.segment.slug ?? "");
  const [valueType, setValueType] = useState<DiscountRuleBody["valueType"]>(rule?.valueType ?? "percentage");
  const [value, setValue] = useState(rule?.value ?? "");
  const [target, setTarget] = useState<Target>(rule?.target ?? "order");
  const [targetIds, setTargetIds] = useState(rule?.targetIds.join(", ") ?? "");
  const [minimum, setMinimum] = useState(rule?.minimumSubtotal ?? "");
  const [startsOn, setStartsOn] = useState(toDay(rule?.startsAt ?? null));
  const [endsOn, setEndsOn] = useState(toDay(rule?.endsAt ?? null));
  const [combines, setCombines] = useState<Combines>(rule?.combinesWith ?? { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async () => {
    setSaving(true);
    setError(null);
    const body = {
      title,
      segment,
      valueType,
      value,
      target,
      targetIds: target === "order" ? [] : targetIds.split(/[\s,]+/).filter(Boolean),
      minimumSubtotal: minimum.trim() || null,
      startsAt: toIso(startsOn),
      endsAt: toIso(endsOn),
      combinesWith: combines,
    };
    try {
      if (rule) await api.update(rule.id, body);
      else await api.create(body);
      onSaved();
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setSaving(false);
    }
  };
  const idsLabel = TARGETS.find((option) => option.target === target)!.ids;

  return (
    <s-section heading={rule ? `Edit ${rule.title}` : "New discount rule"}>
      <s-stack gap="base">
        <SegmentChoice api={segmentsApi} segments={segments} value={segment} onChange={setSegment} onSwitched={onSegmentSwitched} />
        <s-text-field label="Title shown at checkout" value={title} onInput={(event) => setTitle(event.currentTarget.value ?? "")} />
        <s-stack direction="inline" gap="small">
          <s-button variant={valueType === "percentage" ? "primary" : "secondary"} onClick={() => setValueType("percentage")}>Percentage</s-button>
          <s-button variant={valueType === "fixed_amount" ? "primary" : "secondary"} onClick={() => setValueType("fixed_amount")}>Fixed amount</s-button>
        </s-stack>
        <s-text-field label={valueType === "percentage" ? "Percentage off" : "Amount off"} value={value} onInput={(event) => setValue(event.currentTarget.value ?? "")} />
        <s-text>Applies to</s-text>
        <s-stack direction="inline" gap="small">
          {TARGETS.map((option) => (
            <s-button key={option.target} variant={target === option.target ? "primary" : "secondary"} onClick={() => setTarget(option.target)}>
              {option.label}
            </s-button>
          ))}
        </s-stack>
        {target !== "order" && <s-text-field label={idsLabel} details="Shopify ids or GIDs, separated by commas" value={targetIds} onInput={(event) => setTargetIds(event.currentTarget.value ?? "")} />}
        <s-text-field label="Minimum subtotal (optional)" value={minimum} onInput={(event) => setMinimum(event.currentTarget.value ?? "")} />
        <s-stack direction="inline" gap="base">
          <s-text-field label="Starts on (YYYY-MM-DD, optional)" value={startsOn} onInput={(event) => setStartsOn(event.currentTarget.value ?? "")} />
          <s-text-field label="Ends on (YYYY-MM-DD, optional)" value={endsOn} onInput={(event) => setEndsOn(event.currentTarget.value ?? "")} />
        </s-stack>
        {COMBINES.map(({ key, label }) => (
          <s-checkbox key={key} label={label} checked={combines[key]} onChange={(change) => setCombines({ ...combines, [key]: change.currentTarget.checked ?? false })} />
        ))}
        {error && <ErrorState title="The rule was not saved" error={error} />}
        <s-stack direction="inline" gap="small">
          <s-button variant="primary" loading={saving} disabled={!segment || !title.trim() || !value.trim()} onClick={() => void save()}>
            {rule ? "Save rule" : "Create rule"}
          </s-button>
          <s-button onClick={onCancel}>Cancel</s-button>
        </s-stack>
      </s-stack>
    </s-section>
  );
}
