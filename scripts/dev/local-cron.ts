function fieldMatches(field: string, value: number): boolean {
  if (field === "*") return true;
  const step = /^\*\/(\d+)$/.exec(field);
  if (step) return value % Number(step[1]) === 0;
  return field.split(",").some((part) => Number(part) === value);
}

/** Minute-hour-day-month-weekday match for the plain cron forms wrangler.toml uses (`*`, `*\/n`, lists, numbers). */
export function cronMatches(expression: string, at: Date): boolean {
  const [minute, hour, day, month, weekday] = expression.trim().split(/\s+/);
  return (
    fieldMatches(minute ?? "*", at.getUTCMinutes()) &&
    fieldMatches(hour ?? "*", at.getUTCHours()) &&
    fieldMatches(day ?? "*", at.getUTCDate()) &&
    fieldMatches(month ?? "*", at.getUTCMonth() + 1) &&
    fieldMatches(weekday ?? "*", at.getUTCDay())
  );
}

/**
 * wrangler dev does not fire cron triggers by itself; this calls its `/__scheduled` endpoint at each
 * matching minute, so the local stack runs the same schedule as production.
 */
export function startLocalCron(appUrl: string, crons: readonly string[], onRun: (cron: string, status: number) => void): () => void {
  let lastMinute = -1;
  const timer = setInterval(async () => {
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    for (const cron of crons.filter((expression) => cronMatches(expression, now))) {
      const res = await fetch(`${appUrl}/__scheduled?cron=${encodeURIComponent(cron)}`).catch(() => null);
      onRun(cron, res?.status ?? 0);
    }
  }, 5_000);
  return () => clearInterval(timer);
}
