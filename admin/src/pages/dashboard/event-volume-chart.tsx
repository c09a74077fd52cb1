import type { EventVolumeResponse } from "../../api/client.ts";
import { SOURCE_COLORS } from "./event-sources.ts";

type VolumeDay = EventVolumeResponse["days"][number];

const WIDTH = 560;
const HEIGHT = 150;
const PAD = { top: 10, right: 8, bottom: 22, left: 40 };

const label = (date: string) => new Date(`${date}T00:00:00`).toLocaleDateString(undefined, { month: "short", day: "numeric" });

/** Events per day, stacked by source: a small SVG, no chart library. */
export function EventVolumeChart({ days, sources }: EventVolumeResponse) {
  const max = Math.max(1, ...days.map((day) => day.total));
  const slot = (WIDTH - PAD.left - PAD.right) / days.length;
  const y = (value: number) => PAD.top + (1 - value / max) * (HEIGHT - PAD.top - PAD.bottom);
  const total = days.reduce((sum, day) => sum + day.total, 0);
  const bars = (day: VolumeDay, i: number) => {
    let below = 0;
    return sources.map((source) => {
      const count = day[source];
      if (count === 0) return null;
      const [top, bottom] = [y(below + count), y(below)];
      below += count;
      return (
        <rect key={source} x={PAD.left + i * slot + slot * 0.15} width={slot * 0.7} y={top} height={Math.max(bottom - top, 1)} fill={SOURCE_COLORS[source]}>
          <title>{`${label(day.date)} · ${source}: ${count.toLocaleString()}`}</title>
        </rect>
      );
    });
  };
  return (
    <figure class="volume-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Events per day over the last ${days.length} days: ${total.toLocaleString()} in total`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end">{max.toLocaleString()}</text>
        <text x={PAD.left - 6} y={y(0) + 4} text-anchor="end">0</text>
        <text x={PAD.left} y={HEIGHT - 6}>{label(days[0]!.date)}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">Today</text>
        {days.map(bars)}
      </svg>
      <figcaption>
        {sources.map((source) => (
          <span key={source} class="legend">
            <i style={{ background: SOURCE_COLORS[source] }} />
            {`${source} ${days.reduce((sum, day) => sum + day[source], 0).toLocaleString()}`}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
