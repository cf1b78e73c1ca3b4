/**
 * The overlap finder of the states' activity register (issue 17, agreement V4): where two states work on the same
 * target country or the same occupation in periods that overlap. Pure: the activities come in, the overlaps go out,
 * in an order that depends only on the activities (never on the order they came in).
 */
import type { IsoDate } from '../calendar.ts';

/** What the finder needs of an activity: its state, what it targets and when. */
export interface OverlapSubject {
  readonly id: string;
  readonly stateCode: string;
  /** Target countries (ISO codes). */
  readonly countries: readonly string[];
  /** Occupations (registry ids). */
  readonly occupations: readonly string[];
  /** First and last day, both inclusive; start ≤ end. */
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** Two activities of two different states that share something in a common period. */
export interface Overlap {
  /** The two activities, the smaller id first. */
  readonly ids: readonly [string, string];
  /** Their states, in the order of `ids`. */
  readonly states: readonly [string, string];
  /** The target countries both name, sorted. */
  readonly countries: readonly string[];
  /** The occupations both name, sorted. */
  readonly occupations: readonly string[];
  /** The days both run, inclusive. */
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const shared = (a: readonly string[], b: readonly string[]): string[] => {
  const other = new Set(b);
  return [...new Set(a)].filter((x) => other.has(x)).sort(byText);
};

/** The overlap of two activities, or null (same state, nothing shared, or periods apart). */
export function overlapOf(x: OverlapSubject, y: OverlapSubject): Overlap | null {
  if (x.stateCode === y.stateCode || x.id === y.id) return null;
  const start = [x.start, y.start].sort(byText)[1] as IsoDate;
  const end = [x.end, y.end].sort(byText)[0] as IsoDate;
  if (start > end) return null;
  const countries = shared(x.countries, y.countries);
  const occupations = shared(x.occupations, y.occupations);
  if (countries.length === 0 && occupations.length === 0) return null;
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  return { ids: [a.id, b.id], states: [a.stateCode, b.stateCode], countries, occupations, start, end };
}

/** The stable key of an overlap: its two activities (a digest remembers which it has mailed). */
export const overlapKey = (o: Overlap): string => `${o.ids[0]}|${o.ids[1]}`;

/** Earlier common periods first, then the shorter, then by the activities' ids. */
export function compareOverlaps(a: Overlap, b: Overlap): number {
  return (
    byText(a.start, b.start) ||
    byText(a.end, b.end) ||
    byText(a.ids[0], b.ids[0]) ||
    byText(a.ids[1], b.ids[1])
  );
}

/**
 * Every overlap among the activities, each pair once. Candidates are found through what they name (a country or an
 * occupation), so that activities with nothing in common are never compared.
 */
export function findOverlaps(activities: readonly OverlapSubject[]): Overlap[] {
  const byId = new Map<string, OverlapSubject>();
  for (const a of activities) byId.set(a.id, a);
  const buckets = new Map<string, string[]>();
  for (const a of byId.values()) {
    for (const key of [...a.countries.map((c) => `c:${c}`), ...a.occupations.map((o) => `o:${o}`)]) {
      const list = buckets.get(key);
      if (list) list.push(a.id);
      else buckets.set(key, [a.id]);
    }
  }
  const seen = new Set<string>();
  const out: Overlap[] = [];
  for (const ids of buckets.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [p, q] = [ids[i] as string, ids[j] as string];
        const key = p < q ? `${p}|${q}` : `${q}|${p}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const o = overlapOf(byId.get(p) as OverlapSubject, byId.get(q) as OverlapSubject);
        if (o) out.push(o);
      }
    }
  }
  return out.sort(compareOverlaps);
}

/** An overlap seen from one state: its own activity, the other state and the other's activity. */
export interface OverlapForState {
  readonly overlap: Overlap;
  readonly ownId: string;
  readonly otherId: string;
  readonly otherState: string;
}

/** The overlaps one state takes part in, seen from that state, grouped by the other state (in code order). */
export function overlapsForState(overlaps: readonly Overlap[], stateCode: string): OverlapForState[] {
  const out: OverlapForState[] = [];
  for (const overlap of overlaps) {
    const at = overlap.states.indexOf(stateCode);
    if (at < 0) continue;
    const other = at === 0 ? 1 : 0;
    out.push({
      overlap,
      ownId: overlap.ids[at] as string,
      otherId: overlap.ids[other],
      otherState: overlap.states[other],
    });
  }
  return out.sort((a, b) => byText(a.otherState, b.otherState) || compareOverlaps(a.overlap, b.overlap));
}

/** The overlaps not among those already reported (by key), in the finder's order: a digest's news. */
export function newOverlaps(current: readonly Overlap[], reported: ReadonlySet<string>): Overlap[] {
  return current.filter((o) => !reported.has(overlapKey(o)));
}
