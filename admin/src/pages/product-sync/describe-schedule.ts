/** `"0 3 * * *"` → "every night at 03:00 UTC"; another expression is shown as it is written. */
export function describeSchedule(cron: string): string {
  const daily = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (!daily) return `on the schedule ${cron} (UTC)`;
  const [minute, hour] = [Number(daily[1]), Number(daily[2])];
  return `every night at ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")} UTC`;
}
