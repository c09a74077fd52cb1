import type { PixelSettingsResponse } from "../../api/client.ts";
import { DataTable } from "../../components/data-table.tsx";

type TrackedEvent = PixelSettingsResponse["trackedEvents"][number];
type PixelCounts = PixelSettingsResponse["counts"];

function CountCells({ event, counts }: { event: TrackedEvent; counts: PixelCounts }) {
  if (!event.counted) {
    return (
      <>
        <s-table-cell>—</s-table-cell>
        <s-table-cell>
          <s-text color="subdued">added to the order's purchase</s-text>
        </s-table-cell>
      </>
    );
  }
  const row = counts.byName.find((count) => count.name === event.canonical);
  return (
    <>
      <s-table-cell>{(row?.lastHour ?? 0).toLocaleString()}</s-table-cell>
      <s-table-cell>{(row?.lastDay ?? 0).toLocaleString()}</s-table-cell>
    </>
  );
}

type TrackedEventsProps = { events: TrackedEvent[]; selected: string[]; counts: PixelCounts; onToggle: (name: string, on: boolean) => void };

/** The standard events as a checklist, with what each becomes, whether sampling applies, and live counts. */
export function TrackedEvents({ events, selected, counts, onToggle }: TrackedEventsProps) {
  return (
    <s-section heading="Tracked events">
      <s-stack gap="base">
        {counts.lastDay === 0 ? (
          <s-text color="subdued">No pixel events in the last 24 hours: they arrive once visitors who allow analytics browse your store.</s-text>
        ) : (
          <s-text>
            {`${counts.lastHour.toLocaleString()} pixel event${counts.lastHour === 1 ? "" : "s"} in the last hour, ${counts.lastDay.toLocaleString()} in the last 24 hours`}
            <s-text color="subdued">{` · updated ${new Date(counts.asOf).toLocaleTimeString()}`}</s-text>
          </s-text>
        )}
        {selected.length === 0 && <s-banner tone="warning">No event is tracked: the pixel will send nothing.</s-banner>}
        <DataTable headers={["Track", "Stored as", "Sampling", "Last hour", "Last 24 h"]}>
          {events.map((event) => (
            <s-table-row key={event.name}>
              <s-table-cell>
                <s-checkbox label={event.label} checked={selected.includes(event.name)} onChange={(change) => onToggle(event.name, change.currentTarget.checked ?? false)} />
              </s-table-cell>
              <s-table-cell>
                <code>{event.canonical}</code>
              </s-table-cell>
              <s-table-cell>{event.neverSampled ? <s-badge tone="info">Never sampled</s-badge> : <s-text color="subdued">Sampled</s-text>}</s-table-cell>
              <CountCells event={event} counts={counts} />
            </s-table-row>
          ))}
        </DataTable>
        <s-paragraph color="subdued">
          Counts are events stored from the pixel, by when they happened. A checkout the webhooks also report counts
          under the webhook.
        </s-paragraph>
      </s-stack>
    </s-section>
  );
}
