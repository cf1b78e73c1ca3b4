/**
 * Reservations for forecast § 81a arrivals (memo § 5.3 step 2): per service point, service type and week of the
 * horizon, `r_w` open slots are held for the § 81a class, where `r_w` is the P90 of the forecast weekly arrivals of
 * that class; a held slot returns to everyone `releaseHoursBefore` hours before it starts (appointment-policy.ts).
 *
 * The forecast: the exponentially weighted mean of the last `historyWeeks` weekly arrivals (estimators.ts
 * `weeklyArrivalRate`) taken as the mean of a Poisson count, and its `percentile` quantile. No arrival in the
 * history: nothing is held. Pure: the instants and `now` come in.
 */

import { instantMs } from './allocate.ts';
import type { ReservationRule } from './appointment-policy.ts';
import { weeklyArrivalRate } from './estimators.ts';
import { mondayOf } from './slots.ts';
import type { AllocationSlot } from './types.ts';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** Above this mean the Poisson quantile is taken from the normal approximation (e^-mean would underflow). */
const NORMAL_FROM_MEAN = 500;
/** z of the normal approximation for the common percentiles. */
const Z: Readonly<Record<string, number>> = { '0.8': 0.8416, '0.9': 1.2816, '0.95': 1.6449 };

/** The smallest k with P(X ≤ k) ≥ p for X ~ Poisson(mean); 0 for a mean of 0. */
export function poissonQuantile(mean: number, p: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`mean ${mean}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`p ${p}`);
  if (mean === 0) return 0;
  if (mean > NORMAL_FROM_MEAN) {
    const z = Z[String(p)] ?? 1.2816;
    return Math.ceil(mean + z * Math.sqrt(mean) - 0.5);
  }
  let k = 0;
  let pmf = Math.exp(-mean);
  let cdf = pmf;
  while (cdf < p) {
    k += 1;
    pmf *= mean / k;
    cdf += pmf;
  }
  return k;
}

/**
 * Arrivals per week, oldest first: `weeks` buckets of seven days ending at `now` (the last bucket is the seven
 * days up to `now`). Instants outside the buckets are not counted.
 */
export function weeklyCounts(instants: readonly string[], now: string, weeks: number): number[] {
  const nowMs = instantMs(now);
  const counts = new Array<number>(weeks).fill(0);
  for (const at of instants) {
    const age = Math.floor((nowMs - instantMs(at)) / WEEK_MS);
    if (age >= 0 && age < weeks) counts[weeks - 1 - age] = (counts[weeks - 1 - age] ?? 0) + 1;
  }
  return counts;
}

/** `r_w`: how many slots a week holds for the class, from its weekly arrivals (oldest first). */
export function heldPerWeek(weeklyArrivals: readonly number[], rule: ReservationRule): number {
  const recent = weeklyArrivals.slice(-rule.historyWeeks);
  if (!recent.some((n) => n > 0)) return 0;
  const mean = weeklyArrivalRate(recent, rule.historyWeeks) ?? 0;
  return poissonQuantile(mean, rule.percentile);
}

/** When a slot starting at `start` held by the rule returns to everyone. */
export function releaseTime(start: string, rule: ReservationRule): string {
  return new Date(instantMs(start) - rule.releaseHoursBefore * HOUR_MS).toISOString();
}

export type Hold = { readonly slotId: string; readonly releaseReservedAt: string };

/**
 * Which open slots to hold: in each week (Monday to Sunday of the slot's day), the latest `perWeek` slots whose
 * release time is still ahead of `now` — the earlier ones of the week stay open to everyone, and a held slot is
 * released last. Deterministic: ties in start time by slot id.
 */
export function chooseHolds(
  openSlots: readonly Pick<AllocationSlot, 'id' | 'start' | 'day'>[],
  perWeek: number,
  now: string,
  rule: ReservationRule,
): Hold[] {
  if (perWeek <= 0) return [];
  const nowMs = instantMs(now);
  const byWeek = new Map<string, { id: string; start: string; ms: number }[]>();
  for (const s of openSlots) {
    const ms = instantMs(s.start);
    if (!(ms - rule.releaseHoursBefore * HOUR_MS > nowMs)) continue;
    const week = mondayOf(s.day);
    const list = byWeek.get(week) ?? [];
    list.push({ id: s.id, start: s.start, ms });
    byWeek.set(week, list);
  }
  const holds: Hold[] = [];
  for (const week of [...byWeek.keys()].sort()) {
    const list = (byWeek.get(week) ?? []).sort((a, b) => b.ms - a.ms || (a.id < b.id ? -1 : 1));
    for (const s of list.slice(0, perWeek))
      holds.push({ slotId: s.id, releaseReservedAt: releaseTime(s.start, rule) });
  }
  return holds;
}
