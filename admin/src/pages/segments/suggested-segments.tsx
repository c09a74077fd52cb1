import { useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import { ErrorState } from "../../components/error-state.tsx";
import type { SegmentsApi, SegmentView, SuggestedSegment, SuggestedSegmentsResponse } from "../../api/client.ts";

type SuggestionProps = { api: SegmentsApi; suggestion: SuggestedSegment; onAccepted: (segment: SegmentView) => void };

/** One suggestion: what it is, its rule, how many it holds now, and a button to make it a segment. */
export function SuggestionRow({ api, suggestion, onAccepted }: SuggestionProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const accept = async () => {
    setBusy(true);
    try {
      onAccepted(await api.accept(suggestion.key));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  };
  const unit = suggestion.kind === "product" ? "products" : "customers";
  return (
    <s-box padding="base" borderWidth="base" borderRadius="base">
      <s-stack gap="small">
        <s-stack direction="inline" gap="small" alignItems="center">
          <s-heading>{suggestion.name}</s-heading>
          <s-badge tone={suggestion.count > 0 ? "info" : "neutral"}>{`${suggestion.count} ${unit}`}</s-badge>
        </s-stack>
        <s-text color="subdued">{suggestion.description}</s-text>
        <code>{suggestion.query}</code>
        {suggestion.acceptedSlug ? (
          <s-text color="subdued">Added as a segment.</s-text>
        ) : (
          <s-stack direction="inline">
            <s-button loading={busy} onClick={() => void accept()}>{`Add "${suggestion.name}"`}</s-button>
          </s-stack>
        )}
        {error && <ErrorState title="The suggestion was not added" error={error} />}
      </s-stack>
    </s-box>
  );
}

/** Segments worth starting with, computed from the store's own data once the backfill is in. */
export function SuggestedSegments({ api, view, onAccepted }: { api: SegmentsApi; view: SuggestedSegmentsResponse; onAccepted: (segment: SegmentView) => void }) {
  if (view.status === "waiting_for_backfill") {
    return <s-text color="subdued">Suggestions appear once the history backfill has finished.</s-text>;
  }
  return (
    <s-stack gap="base">
      {view.suggestions.map((suggestion) => (
        <SuggestionRow key={suggestion.key} api={api} suggestion={suggestion} onAccepted={onAccepted} />
      ))}
    </s-stack>
  );
}
