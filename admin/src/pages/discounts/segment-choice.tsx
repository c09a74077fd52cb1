import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { SegmentsApi, SegmentView } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";

type SegmentChoiceProps = { api: SegmentsApi; segments: SegmentView[]; value: string; onChange: (slug: string) => void; onSwitched: (segment: SegmentView) => void };

/**
 * Which customer segment the rule rewards. The Function reads `segops:<slug>` tags, so a segment that does not push
 * tags gives nobody the discount: the choice says so and offers to switch the segment to tags.
 */
export function SegmentChoice({ api, segments, value, onChange, onSwitched }: SegmentChoiceProps) {
  const [switching, setSwitching] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const customers = segments.filter((segment) => segment.kind === "customer");
  const chosen = customers.find((segment) => segment.slug === value);
  if (customers.length === 0) return <s-text color="subdued">You have no customer segment yet: create one on the Segments page first.</s-text>;

  const switchToTags = async (segment: SegmentView) => {
    setSwitching(true);
    setError(null);
    try {
      onSwitched(await api.update(segment.slug, { pushMode: "tags" }));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <s-stack gap="small">
      <s-text>Segment</s-text>
      <s-stack direction="inline" gap="small">
        {customers.map((segment) => (
          <s-button
            key={segment.slug}
            accessibilityLabel={segment.slug === value ? `${segment.name} (selected)` : segment.name}
            variant={segment.slug === value ? "primary" : "secondary"}
            onClick={() => onChange(segment.slug)}
          >
            {segment.name}
          </s-button>
        ))}
      </s-stack>
      {chosen && chosen.pushMode === "tags" && (
        <s-text color="subdued">
          Members carry <code>{chosen.tag}</code>; the discount follows them in and out of the segment.
        </s-text>
      )}
      {chosen && chosen.pushMode !== "tags" && (
        <s-banner tone="warning" heading={`${chosen.name} is not pushed as customer tags`}>
          <s-stack gap="small">
            <s-paragraph>
              The discount applies to customers carrying <code>{chosen.tag}</code>, and only a segment pushed as customer tags puts that tag on its
              members. Switching also stops any other push of this segment.
            </s-paragraph>
            <s-stack direction="inline">
              <s-button loading={switching} onClick={() => void switchToTags(chosen)}>Push {chosen.name} as customer tags</s-button>
            </s-stack>
          </s-stack>
        </s-banner>
      )}
      {error && <ErrorState title="The segment's push mode was not changed" error={error} />}
    </s-stack>
  );
}
