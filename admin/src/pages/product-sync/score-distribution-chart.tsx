import type { CatalogSummary } from "../../api/client.ts";

const WIDTH = 560;
const HEIGHT = 150;
const PAD = { top: 10, right: 8, bottom: 22, left: 40 };
const toneOf = (from: number) => (from < 50 ? "#e51c00" : from < 80 ? "#b28400" : "#29845a");

/** Scored products per ten points, low scores red, fair amber, good green: a small SVG, no chart library. */
export function ScoreDistributionChart({ distribution }: Pick<CatalogSummary, "distribution">) {
  const max = Math.max(1, ...distribution.map((bucket) => bucket.count));
  const slot = (WIDTH - PAD.left - PAD.right) / distribution.length;
  const y = (value: number) => PAD.top + (1 - value / max) * (HEIGHT - PAD.top - PAD.bottom);
  const spread = distribution.map((bucket) => `${bucket.from}–${bucket.to}: ${bucket.count}`).join(", ");
  return (
    <figure class="score-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Products by score: ${spread}`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} class="axis" />
        <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end">{max.toLocaleString()}</text>
        <text x={PAD.left - 6} y={y(0) + 4} text-anchor="end">0</text>
        {distribution.map((bucket, i) => (
          <g key={bucket.from}>
            {bucket.count > 0 && (
              <rect x={PAD.left + i * slot + slot * 0.15} width={slot * 0.7} y={y(bucket.count)} height={Math.max(y(0) - y(bucket.count), 1)} fill={toneOf(bucket.from)}>
                <title>{`Score ${bucket.from}–${bucket.to}: ${bucket.count.toLocaleString()} products`}</title>
              </rect>
            )}
            <text x={PAD.left + (i + 0.5) * slot} y={HEIGHT - 6} text-anchor="middle">{bucket.from}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
