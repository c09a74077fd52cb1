import { useEffect, useState } from "preact/hooks";
import type { StreamEvent } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { SOURCE_TONES } from "./event-sources.ts";
import { useEventStream } from "./use-event-stream.ts";

const when = (iso: string) => {
  const at = new Date(iso);
  return at.toDateString() === new Date().toDateString() ? at.toLocaleTimeString() : at.toLocaleString();
};

function EventRow({ event }: { event: StreamEvent }) {
  return (
    <s-table-row>
      <s-table-cell>{when(event.occurredAt)}</s-table-cell>
      <s-table-cell>
        <code>{event.name}</code>
      </s-table-cell>
      <s-table-cell>
        <s-badge tone={SOURCE_TONES[event.source]}>{event.source}</s-badge>
      </s-table-cell>
      <s-table-cell>{event.profileId ? <code>{event.profileId}</code> : <s-text color="subdued">Anonymous</s-text>}</s-table-cell>
      <s-table-cell>{event.summary}</s-table-cell>
    </s-table-row>
  );
}

/** A live tail of the tenant's canonical events, newest first, with pause and older pages. */
export function EventStream({ onNewest }: { onNewest: (id: string | null) => void }) {
  const { events, error, paused, pause, olderCursor, showOlder } = useEventStream();
  const newest = events ? (events[0]?.id ?? null) : undefined;
  useEffect(() => {
    if (newest !== undefined) onNewest(newest);
  }, [newest]);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const older = async () => {
    setLoadingOlder(true);
    await showOlder();
    setLoadingOlder(false);
  };
  return (
    <s-section heading="Event stream">
      <s-stack gap="base">
        <s-stack direction="inline" gap="small" alignItems="center">
          <s-button onClick={() => pause(!paused)}>{paused ? "Resume" : "Pause"}</s-button>
          <s-text color="subdued">{paused ? "Paused: new events wait until you resume." : "Live: updates every 3 seconds."}</s-text>
        </s-stack>
        {error && <ErrorState title="The event stream could not be refreshed" error={error} />}
        {!events && !error && <s-text color="subdued">Loading the newest events…</s-text>}
        {events?.length === 0 && <EmptyState heading="No events yet">They arrive from webhooks, the pixel and the backfill, and show up here within seconds.</EmptyState>}
        {events && events.length > 0 && (
          <DataTable headers={["When", "Event", "Source", "Customer", "Summary"]}>
            {events.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </DataTable>
        )}
        {olderCursor && (
          <s-stack direction="inline">
            <s-button loading={loadingOlder} onClick={() => void older()}>
              Show older events
            </s-button>
          </s-stack>
        )}
      </s-stack>
    </s-section>
  );
}
