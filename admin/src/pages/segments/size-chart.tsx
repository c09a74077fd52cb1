import type { GetSegmentResponse } from "../../api/client.ts";

type Point = GetSegmentResponse["sizes"][number];

const WIDTH = 560;
const HEIGHT = 120;
const PAD = { top: 10, right: 12, bottom: 22, left: 44 };

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { month: "short", day: "numeric" });

/**
 * Members over time from the size after each recompute that changed it: a small step line, no chart library.
 * The last size holds until `until` (the latest recompute), which found nothing new to record.
 */
export function SizeChart({ sizes, until }: { sizes: Point[]; until: string | null }) {
  if (sizes.length === 0) return <s-text color="subdued">No size history yet: it starts with the first recompute.</s-text>;
  const times = sizes.map((point) => Date.parse(point.at));
  const first = times[0]!;
  const end = Math.max(times.at(-1)!, until ? Date.parse(until) : 0);
  const last = Math.max(end, first + 1);
  const max = Math.max(1, ...sizes.map((point) => point.size));
  const x = (t: number) => PAD.left + ((t - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (size: number) => PAD.top + (1 - size / max) * (HEIGHT - PAD.top - PAD.bottom);
  // Sizes hold until the next recompute changes them, so the line steps rather than slopes.
  const path = sizes
    .map((point, i) => {
      const [px, py] = [x(times[i]!).toFixed(1), y(point.size).toFixed(1)];
      return i === 0 ? `M${px} ${py}` : `H${px} V${py}`;
    })
    .join(" ")
    .concat(` H${x(last).toFixed(1)}`);
  const latest = sizes.at(-1)!;
  return (
    <figure class="size-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Members over time, from ${sizes[0]!.size} to ${latest.size}`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end">{max}</text>
        <text x={PAD.left - 6} y={y(0) + 4} text-anchor="end">0</text>
        <text x={PAD.left} y={HEIGHT - 6}>{day(sizes[0]!.at)}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} text-anchor="end">{day(new Date(last).toISOString())}</text>
        <path d={path} class="line" />
        {sizes.map((point, i) => (
          <circle key={point.at} cx={x(times[i]!)} cy={y(point.size)} r="2.5">
            <title>{`${new Date(point.at).toLocaleString()}: ${point.size} members (+${point.entered} / −${point.left})`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
