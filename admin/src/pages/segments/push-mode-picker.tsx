import type { SegmentView } from "../../api/client.ts";

type PushMode = SegmentView["pushMode"];
type Translation = SegmentView["translation"];

const MODES: { mode: PushMode; label: string }[] = [
  { mode: "none", label: "Don't push" },
  { mode: "tags", label: "Customer tags" },
  { mode: "native", label: "Shopify segment" },
];

/**
 * How the segment reaches Shopify. Native needs every rule to translate to Shopify's segment language; when one
 * doesn't, the option is off and the blocking rule is named. Product segments feed a metafield instead.
 */
export function PushModePicker(props: { kind: "customer" | "product"; value: PushMode; onChange: (mode: PushMode) => void; translation: Translation | null; tag: string }) {
  const { kind, value, onChange, translation, tag } = props;
  if (kind === "product") return <s-text color="subdued">Product segments reach Shopify through the segment_memberships product metafield.</s-text>;
  const blocked = translation && !translation.translatable ? translation : null;
  return (
    <s-stack gap="small">
      <s-stack direction="inline" gap="small">
        {MODES.map(({ mode, label }) => (
          <s-button
            key={mode}
            accessibilityLabel={value === mode ? `${label} (selected)` : label}
            variant={value === mode ? "primary" : "secondary"}
            disabled={mode === "native" && blocked !== null && value !== "native"}
            onClick={() => onChange(mode)}
          >
            {label}
          </s-button>
        ))}
      </s-stack>
      {value === "tags" && <s-text color="subdued">Members get the tag <code>{tag}</code>; only changes are sent, and the tag comes off when they leave.</s-text>}
      {translation?.translatable && (
        <s-text color="subdued">
          Translates to a Shopify segment: <code>{translation.query}</code>
        </s-text>
      )}
      {blocked && (
        <s-text tone="caution">
          Can't be a Shopify segment: <code>{blocked.rule}</code> — {blocked.reason}. Push it as customer tags instead.
        </s-text>
      )}
    </s-stack>
  );
}
