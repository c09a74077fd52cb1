/** The score with the tone of its band: under 50 low, 50–79 fair, 80 and up good; unscored says so. */
export function ScoreBadge({ score }: { score: number | null }) {
  if (score === null) return <s-badge tone="neutral">Not scored</s-badge>;
  const tone = score < 50 ? "critical" : score < 80 ? "warning" : "success";
  return <s-badge tone={tone}>{`${score} / 100`}</s-badge>;
}
