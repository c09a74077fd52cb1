import { useCallback, useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { SegmentsApi, SegmentView, SuggestedSegmentsResponse } from "../../api/client.ts";
import { Bootstrapped } from "../../components/bootstrapped.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { SegmentEditor } from "./segment-editor.tsx";
import { SegmentList } from "./segment-list.tsx";
import { SEGMENTS_CSS } from "./segments-styles.ts";
import { SuggestedSegments } from "./suggested-segments.tsx";
import { useSegmentDetail } from "./use-segment-detail.ts";

type Loaded<T> = { status: "loading" } | { status: "ready"; data: T } | { status: "error"; error: ApiError };

function useLoaded<T>(load: () => Promise<T>): [Loaded<T>, () => Promise<void>] {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const reload = useCallback(async () => {
    try {
      setState({ status: "ready", data: await load() });
    } catch (error) {
      setState({ status: "error", error: toApiError(error) });
    }
  }, [load]);
  useEffect(() => void reload(), [reload]);
  return [state, reload];
}

function OpenSegment({ api, slug, onChanged, onClosed }: { api: SegmentsApi; slug: string; onChanged: () => void; onClosed: () => void }) {
  const { state, reload, watchPush, watching } = useSegmentDetail(api, slug);
  const [pushError, setPushError] = useState<ApiError | null>(null);
  const pushedAt = state.status === "ready" ? state.segment.lastPush?.at : undefined;
  // The list shows each segment's last push: refresh it when this one's lands.
  useEffect(() => {
    if (pushedAt) onChanged();
  }, [pushedAt]);
  if (state.status === "loading") return <LoadingState label="Loading the segment…" />;
  if (state.status === "error") return <ErrorState title="The segment could not be loaded" error={state.error} onRetry={() => void reload()} />;
  const segment = state.segment;
  const push = async () => {
    setPushError(null);
    try {
      const since = Date.now();
      await api.push(segment.slug);
      watchPush(since);
    } catch (error) {
      setPushError(toApiError(error));
    }
  };
  return (
    <>
      {pushError && <ErrorState title="The push was not queued" error={pushError} />}
      <SegmentEditor
        key={`${segment.slug}:${segment.updatedAt}`}
        api={api}
        segment={segment}
        pushing={watching}
        onPush={() => void push()}
        onSaved={(_saved, pushQueued) => {
          const since = Date.now();
          void reload().then(onChanged);
          if (pushQueued) watchPush(since - 5_000);
        }}
        onDeleted={() => {
          onChanged();
          onClosed();
        }}
      />
    </>
  );
}

export function SegmentsPage() {
  return <Bootstrapped>{() => <Segments />}</Bootstrapped>;
}

/** The list, suggestions to start from, and the editor for a new or an existing segment. */
function Segments() {
  const api = useAdmin().api.segments;
  const [segments, reloadSegments] = useLoaded(useCallback(() => api.list(), [api]));
  const [suggestions, reloadSuggestions] = useLoaded<SuggestedSegmentsResponse>(useCallback(() => api.suggestions(), [api]));
  const [open, setOpen] = useState<string | "new" | null>(null);
  const opened = (segment: SegmentView) => {
    void reloadSegments();
    void reloadSuggestions();
    setOpen(segment.slug);
  };

  return (
    <s-page heading="Segments">
      <style>{SEGMENTS_CSS}</style>
      <s-button slot="primary-action" variant="primary" onClick={() => setOpen("new")}>New segment</s-button>
      {open === "new" && <SegmentEditor api={api} segment={null} pushing={false} onPush={() => undefined} onSaved={opened} onDeleted={() => setOpen(null)} />}
      {open && open !== "new" && <OpenSegment key={open} api={api} slug={open} onChanged={() => void reloadSegments()} onClosed={() => setOpen(null)} />}
      <s-section heading="Your segments">
        {segments.status === "loading" && <LoadingState label="Loading segments…" />}
        {segments.status === "error" && <ErrorState title="Segments could not be loaded" error={segments.error} onRetry={() => void reloadSegments()} />}
        {segments.status === "ready" &&
          (segments.data.data.length === 0 ? (
            <EmptyState heading="No segments yet">Write one with "New segment", or add a suggestion below.</EmptyState>
          ) : (
            <SegmentList segments={segments.data.data} onOpen={setOpen} />
          ))}
      </s-section>
      <s-section heading="Suggested segments">
        {suggestions.status === "loading" && <LoadingState label="Computing suggestions from your store's data…" />}
        {suggestions.status === "error" && <ErrorState title="Suggestions could not be loaded" error={suggestions.error} onRetry={() => void reloadSuggestions()} />}
        {suggestions.status === "ready" && <SuggestedSegments api={api} view={suggestions.data} onAccepted={opened} />}
      </s-section>
    </s-page>
  );
}
