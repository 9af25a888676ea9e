/**
 * The desk's weeks: Monday 00:00 UTC to the next, the last one the week `now`
 * falls in. The front page's verdict chart counts per week over these.
 */
export function weekStarts(now: Date, count: number): Date[] {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: count }, (_, i) => new Date(monday - (count - 1 - i) * 7 * 86_400_000));
}
