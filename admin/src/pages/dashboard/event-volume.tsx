import { useEffect, useRef, useState } from "preact/hooks";
import { toApiError, type ApiError } from "../../api/api-error.ts";
import type { EventVolumeResponse } from "../../api/client.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { useAdmin } from "../../state/admin-context.tsx";
import { EventVolumeChart } from "./event-volume-chart.tsx";
import { EVENTS_CSS } from "./events-styles.ts";

const DAYS = 14;
// Counting 14 days reads every event in them: during a burst (a backfill) recount at most this often.
const MIN_RELOAD_MS = 10_000;

/** The last 14 days of events per day and source; recounted when the stream's newest event changes. */
export function EventVolume({ newest }: { newest: string | null | undefined }) {
  const { api } = useAdmin();
  const [volume, setVolume] = useState<EventVolumeResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loadedAt = useRef(0);
  const firstNewest = useRef<string | null | undefined>(undefined);

  const load = async () => {
    loadedAt.current = Date.now();
    try {
      setVolume(await api.events.volume(DAYS));
      setError(null);
    } catch (failure) {
      setError(toApiError(failure));
    }
  };

  useEffect(() => void load(), []);
  useEffect(() => {
    if (newest === undefined) return;
    if (firstNewest.current === undefined) {
      firstNewest.current = newest;
      return;
    }
    const timer = setTimeout(() => void load(), Math.max(0, loadedAt.current + MIN_RELOAD_MS - Date.now()));
    return () => clearTimeout(timer);
  }, [newest]);

  const empty = volume?.days.every((day) => day.total === 0);
  return (
    <s-section heading="Event volume">
      <style>{EVENTS_CSS}</style>
      {error && <ErrorState title="Event volume could not be loaded" error={error} onRetry={() => void load()} />}
      {!volume && !error && <s-text color="subdued">Counting the last {DAYS} days of events…</s-text>}
      {empty && <s-text color="subdued">No events in the last {DAYS} days yet.</s-text>}
      {volume && !empty && <EventVolumeChart days={volume.days} sources={volume.sources} />}
    </s-section>
  );
}
