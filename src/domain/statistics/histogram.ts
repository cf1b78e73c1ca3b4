/**
 * Durations as compact histograms (issue 19): the count of cases per whole day of duration, so that the cells of
 * the rollup (a week, a state, a step) can be added together and a median or P80 taken of any combination
 * without keeping one row per case. Pure.
 */

/** Cases per duration in whole days: `{ "12": 3 }` = three cases took 12 days. */
export type DayHistogram = Readonly<Record<string, number>>;

export function addHistograms(parts: readonly DayHistogram[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const h of parts) for (const [d, n] of Object.entries(h)) out[d] = (out[d] ?? 0) + n;
  return out;
}

export const histogramCount = (h: DayHistogram) => Object.values(h).reduce((a, b) => a + b, 0);

/**
 * The `p`-quantile (0 < p ≤ 1) in days by the nearest-rank method: the smallest duration d such that at least
 * ⌈p·n⌉ cases took d days or less; null without cases.
 */
export function percentileDays(h: DayHistogram, p: number): number | null {
  const n = histogramCount(h);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n - 1e-9));
  let seen = 0;
  for (const d of Object.keys(h)
    .map(Number)
    .sort((a, b) => a - b)) {
    seen += h[String(d)] ?? 0;
    if (seen >= rank) return d;
  }
  return null;
}

/** Days as weeks with one decimal (a published figure: "6.1 weeks"). */
export const daysAsWeeks = (days: number) => Math.round((days / 7) * 10) / 10;
