import { useEffect, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { StreamEvent } from "../../api/client.ts";
import { useAdmin } from "../../state/admin-context.tsx";

const POLL_MS = 3_000;

const newestFirst = (a: StreamEvent, b: StreamEvent) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id);

function merge(incoming: StreamEvent[], known: StreamEvent[]): StreamEvent[] {
  const ids = new Set(incoming.map((event) => event.id));
  return [...incoming, ...known.filter((event) => !ids.has(event.id))].sort(newestFirst);
}

/** The newest events, re-read every 3 s unless paused; `showOlder` pages further back and keeps what it loaded. */
export function useEventStream() {
  const { api } = useAdmin();
  const [events, setEvents] = useState<StreamEvent[] | null>(null);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const [paused, setPaused] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [polls, setPolls] = useState(0);

  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(
      async () => {
        try {
          const page = await api.events.recent();
          // Unexpanded, the stream is exactly the newest page; expanded, it also keeps the older pages it loaded.
          setEvents((known) => (expanded ? merge(page.data, known ?? []) : page.data));
          if (!expanded) setOlderCursor(page.nextCursor);
          setError(null);
        } catch (failure) {
          setError(toApiError(failure));
        }
        setPolls((n) => n + 1);
      },
      polls === 0 ? 0 : POLL_MS,
    );
    return () => clearTimeout(timer);
  }, [paused, polls, expanded]);

  const showOlder = async () => {
    if (!olderCursor) return;
    try {
      const page = await api.events.recent(olderCursor);
      setExpanded(true);
      setEvents((known) => merge(page.data, known ?? []));
      setOlderCursor(page.nextCursor);
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  const pause = (next: boolean) => {
    setPaused(next);
    if (!next) setPolls(0);
  };

  return { events, error, paused, pause, olderCursor, showOlder };
}
