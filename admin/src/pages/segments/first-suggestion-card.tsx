import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { SegmentView, SuggestedSegmentsResponse } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { SuggestionRow } from "./suggested-segments.tsx";

// While the backfill runs the card checks back; the first suggestion shows up within seconds of it finishing.
const WAIT_POLL_MS = 5_000;

/** The dashboard's first suggested segment: the first one with members that isn't a segment yet. */
export function FirstSuggestionCard() {
  const api = useAdmin().api.segments;
  const [view, setView] = useState<SuggestedSegmentsResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<SegmentView | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await api.suggestions();
        setView(next);
        setError(null);
        if (next.status === "waiting_for_backfill") timer = setTimeout(() => void load(), WAIT_POLL_MS);
      } catch (failure) {
        setError(toApiError(failure));
      }
    };
    void load();
    return () => clearTimeout(timer);
  }, [api]);

  const first = view?.suggestions.find((suggestion) => suggestion.count > 0 && !suggestion.acceptedSlug);
  return (
    <s-section heading="Suggested segment">
      {error && <ErrorState title="Suggestions could not be loaded" error={error} />}
      {!error && !view && <s-text color="subdued">Looking at your store's data…</s-text>}
      {view?.status === "waiting_for_backfill" && <s-text color="subdued">Your first suggested segment appears here once the history backfill has finished.</s-text>}
      {added && (
        <s-text>
          {`"${added.name}" is now a segment with ${added.memberCount} members. `}
          <a href="/app/segments">Open Segments</a>
        </s-text>
      )}
      {!added && first && <SuggestionRow api={api} suggestion={first} onAccepted={setAdded} />}
      {!added && view?.status === "ready" && !first && (
        <s-text color="subdued">
          No new suggestion right now. <a href="/app/segments">Write your own segment</a>
        </s-text>
      )}
    </s-section>
  );
}
