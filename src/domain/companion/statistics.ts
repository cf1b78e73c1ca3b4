/**
 * The companion statistics for the states (issue 18): per state and per district, how many § 104c holders the
 * companion knows, how many permits run out within 3 and 6 months, how many holders meet every condition of § 25a
 * or § 25b on the day, how many have moved on to § 25a or § 25b, and which conditions are most often open. Counts are published under the disclosure rule: every count from 1 to
 * threshold − 1 hidden, and as many more as it takes that none can be worked out from a total (one-way lines:
 * the districts add up to their state, the states to all six). Pure.
 *
 * A move is what the companion records: the holder's journey on § 25a or § 25b, opened at the foreigners' office.
 * "Ready" counts, beside it, the holders who meet every condition on the day by their own details.
 */
import { addMonths, type IsoDate } from '../calendar.ts';
import type { PublishedCount } from '../statistics/index.ts';
import { oneWay, suppress } from '../statistics/index.ts';
import type { CompanionPathway } from './holder.ts';

/** One holder as the statistics see it: no name, only the place, the permit's end and the engine's conditions. */
export interface HolderCase {
  readonly stateCode: string;
  readonly districtAgs: string | null;
  readonly expiresOn: IsoDate;
  readonly pathways: readonly CompanionPathway[];
  /** The move the companion records (a journey on § 25a or § 25b opened at the foreigners' office), if any. */
  readonly moved: 'aufenthg-25a' | 'aufenthg-25b' | null;
}

export const MEASURES = [
  'holders',
  'expiring-3',
  'expiring-6',
  'moved-25a',
  'moved-25b',
  'ready-25a',
  'ready-25b',
] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * Whether a holder counts for a measure on `today`: a recorded move counts whenever the permit ends; every other
 * measure only while the permit still runs.
 */
export function counts(h: HolderCase, m: Measure, today: IsoDate): boolean {
  if (m === 'moved-25a') return h.moved === 'aufenthg-25a';
  if (m === 'moved-25b') return h.moved === 'aufenthg-25b';
  if (h.expiresOn < today) return false;
  const ready = (id: string) =>
    h.pathways.find((p) => p.id === id)?.conditions.every((c) => c.state === 'met') ?? false;
  switch (m) {
    case 'holders':
      return true;
    case 'expiring-3':
      return h.expiresOn <= addMonths(today, 3);
    case 'expiring-6':
      return h.expiresOn <= addMonths(today, 6);
    case 'ready-25a':
      return ready('aufenthg-25a');
    case 'ready-25b':
      return ready('aufenthg-25b');
  }
}

/**
 * The conditions (criterion ids) open for a holder whose permit still runs, on the route nearest to them: the one
 * of § 25b and § 25a with fewer conditions not met (§ 25b at a tie). An adult's age on § 25a is no gap to close.
 */
export function openConditions(h: HolderCase, today: IsoDate): string[] {
  if (h.expiresOn < today) return [];
  const notMet = (p: CompanionPathway) => p.conditions.filter((c) => c.state !== 'met').length;
  const nearest = [...h.pathways].sort(
    (a, b) => notMet(a) - notMet(b) || (a.id === 'aufenthg-25b' ? -1 : b.id === 'aufenthg-25b' ? 1 : 0),
  )[0];
  return (nearest?.conditions ?? []).filter((c) => c.state === 'open').map((c) => c.criterion.id);
}

export type PublishedLine = { readonly parts: readonly PublishedCount[]; readonly total: PublishedCount };

/**
 * One line of counts that add up to a total, published under the disclosure rule. `totalHidden`: the total is
 * hidden elsewhere (a state hidden in the comparison), so it stays hidden here, with one part more if needed.
 */
export function publishLine(parts: readonly number[], threshold: number, totalHidden = false): PublishedLine {
  const table = oneWay(parts);
  const why = [...suppress(table, threshold)];
  const n = parts.length;
  if (totalHidden && why[n] === null) {
    why[n] = 'secondary';
    if (!why.slice(0, n).some((w) => w !== null)) {
      const smallest = parts
        .map((v, i) => ({ v, i }))
        .filter((x) => x.v > 0)
        .sort((a, b) => a.v - b.v)[0];
      if (smallest) why[smallest.i] = 'secondary';
    }
  }
  const at = (i: number): PublishedCount => {
    const hidden = why[i] ?? null;
    return { value: hidden ? null : (table.values[i] as number), hidden };
  };
  return { parts: parts.map((_, i) => at(i)), total: at(n) };
}

export interface CompanionStatistics {
  readonly threshold: number;
  /** Per measure: the six states and all of them. */
  readonly byState: Readonly<Record<Measure, PublishedLine>>;
  /** The conditions most often open, most first: per condition the six states and all of them. */
  readonly open: readonly { readonly condition: string; readonly line: PublishedLine }[];
  /** One state's districts (the last row: district not given), per measure; null when not asked. */
  readonly districts: {
    readonly state: string;
    readonly rows: readonly string[];
    readonly byMeasure: Readonly<Record<Measure, PublishedLine>>;
  } | null;
}

const NOT_GIVEN = '';

/** The published statistics on `today`: the six states, the open conditions, and `state`'s districts. */
export function companionStatistics(
  cases: readonly HolderCase[],
  options: {
    today: IsoDate;
    threshold: number;
    states: readonly string[];
    state: string | null;
    districtsOf: readonly string[];
  },
): CompanionStatistics {
  const { today, threshold, states } = options;
  const n = (pick: (h: HolderCase) => boolean) => cases.filter(pick).length;
  const byState = Object.fromEntries(
    MEASURES.map((m) => [
      m,
      publishLine(
        states.map((s) => n((h) => h.stateCode === s && counts(h, m, today))),
        threshold,
      ),
    ]),
  ) as Record<Measure, PublishedLine>;
  const conditions = [...new Set(cases.flatMap((h) => openConditions(h, today)))];
  const openCounts = conditions.map((condition) => ({
    condition,
    parts: states.map((s) => n((h) => h.stateCode === s && openConditions(h, today).includes(condition))),
  }));
  openCounts.sort(
    (a, b) =>
      b.parts.reduce((x, y) => x + y, 0) - a.parts.reduce((x, y) => x + y, 0) ||
      a.condition.localeCompare(b.condition),
  );
  const open = openCounts.map((o) => ({ condition: o.condition, line: publishLine(o.parts, threshold) }));
  let districts: CompanionStatistics['districts'] = null;
  const state = options.state;
  if (state !== null) {
    const rows = [...options.districtsOf, NOT_GIVEN];
    const si = states.indexOf(state);
    const inState = cases.filter((h) => h.stateCode === state);
    const byMeasure = Object.fromEntries(
      MEASURES.map((m) => {
        const parts = rows.map(
          (d) => inState.filter((h) => (h.districtAgs ?? NOT_GIVEN) === d && counts(h, m, today)).length,
        );
        const hiddenAbove = byState[m].parts[si]?.value === null;
        return [m, publishLine(parts, threshold, hiddenAbove)];
      }),
    ) as Record<Measure, PublishedLine>;
    districts = { state, rows, byMeasure };
  }
  return { threshold, byState, open, districts };
}
