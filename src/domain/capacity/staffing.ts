/**
 * Staffing optimiser (issue 15, agreement V2.3; memo capacity-appointments.md §3.2, §3.7, §5.7, goal G5):
 * "given K extra caseworkers across offices, where do they cut waiting most?".
 *
 * Wait model: the fluid backlog of §3.2 run over a horizon of T weeks. Office i with x extra FTE has
 * `f_i(x) = max(0, B0 + T(λ − μ(s+x))) / (μ(s+x))` weeks of wait for a newcomer at the horizon. With an optional
 * linear ramp-up (new hires reach full speed over `rampWeeks`) the hires' work over the horizon and their speed
 * at the horizon are reduced accordingly; f stays convex and non-increasing in x (§3.7).
 *
 * Method (§3.7, §5.7): greedy marginal allocation with a binary heap, O((N + K) log N), deterministic tie-break
 * by the lowest office id (code-unit order).
 * - `minimax`: each step gives one FTE to the office with the worst current wait. An office that cannot take
 *   more (maxExtra reached) or whose wait one more FTE does not cut (already 0) leaves the queue; the rest of the
 *   budget then goes to the next worst office, in the spirit of §3.7's lexicographic rule. Optimal for the worst
 *   wait; the later ranks are the greedy's, not a proven lexicographic optimum.
 * - `weightedMean`: each step gives one FTE to the largest weighted cut `w_i·(f_i(x_i) − f_i(x_i+1))`; optimal
 *   for separable convex f. Steps stop when no cut is positive.
 * FTE that cut nothing are reported as `unallocated` rather than placed.
 *
 * Result shape: every entry point returns `{ ok: true, ... }` or `{ ok: false, field, rule }` for invalid input
 * (never throws on bad input). `field` names the input path (e.g. `offices[2].fte`), `rule` the broken rule.
 * Waits are in weeks; `Infinity` means no capacity at all at the horizon (s = 0 and no hire placed).
 */

import { MaxHeap } from './heap.ts';

export type StaffingOffice = {
  id: string;
  name?: string;
  backlog: number;
  arrivalsPerWeek: number;
  completionsPerFtePerWeek: number;
  fte: number;
  /** Most extra FTE this office can take; absent = no limit beyond the budget. */
  maxExtra?: number;
  /** New hires reach full speed linearly over rampWeeks; 0 or absent = at once. */
  rampWeeks?: number;
};
export type StaffingObjective = 'minimax' | 'weightedMean';
/** `arrivals`: weight w_i = λ_i, the people affected (memo §3.7 (a)); `equal`: every office counts once. */
export type StaffingWeights = 'arrivals' | 'equal';
export type StaffingModel = {
  offices: readonly StaffingOffice[];
  horizonWeeks: number;
  weights?: StaffingWeights;
};
export type StaffingInput = StaffingModel & { extra: number; objective: StaffingObjective };

export type StaffingRule =
  | 'nonEmpty'
  | 'unique'
  | 'finiteNonNegative'
  | 'positive'
  | 'integerNonNegative'
  | 'atMostMaxExtraFte'
  | 'knownValue'
  | 'needsCapacity';
export type StaffingInvalid = { ok: false; field: string; rule: StaffingRule };

export type OfficeWait = { officeId: string; waitWeeks: number };
export type StaffingPlan = {
  ok: true;
  objective: StaffingObjective;
  weights: StaffingWeights;
  /** Every office in input order, with the extra FTE it gets (0 included). */
  allocation: { officeId: string; extra: number }[];
  /** Budget left because no office could use it (all waits 0, or every office at its maxExtra). */
  unallocated: number;
  before: OfficeWait[];
  after: OfficeWait[];
  worstBefore: number;
  worstAfter: number;
  weightedMeanBefore: number;
  weightedMeanAfter: number;
  /** Office ids in the order the greedy placed the FTE. */
  steps: string[];
};
export type StaffingResult = StaffingPlan | StaffingInvalid;

/** Default weighting of the mean: by arrivals (memo §3.7 (a), "number of arrivals affected"). */
export const DEFAULT_STAFFING_WEIGHTS: StaffingWeights = 'arrivals';
/** Largest budget accepted in one run (keeps a request bounded; far above any state's hiring plan). */
export const MAX_EXTRA_FTE = 100_000;

/** Fluid wait (weeks) at the horizon of office `o` with `extra` more FTE (memo §3.2 and §5.9 case 4). */
export function waitAfterHorizon(o: StaffingOffice, extra: number, horizonWeeks: number): number {
  const T = horizonWeeks;
  const mu = o.completionsPerFtePerWeek;
  const ramp = o.rampWeeks ?? 0;
  let remaining: number;
  let capacityAtHorizon: number;
  if (ramp <= 0 || extra === 0) {
    capacityAtHorizon = mu * (o.fte + extra);
    remaining = o.backlog + T * (o.arrivalsPerWeek - capacityAtHorizon);
  } else {
    // Share of full speed reached at the horizon, and full-speed weeks worked over it (area under the ramp).
    const speedAtHorizon = Math.min(1, T / ramp);
    const fullSpeedWeeks = T <= ramp ? (T * T) / (2 * ramp) : T - ramp / 2;
    capacityAtHorizon = mu * (o.fte + extra * speedAtHorizon);
    remaining = o.backlog + T * o.arrivalsPerWeek - mu * (o.fte * T + extra * fullSpeedWeeks);
  }
  if (remaining <= 0) return 0;
  return capacityAtHorizon > 0 ? remaining / capacityAtHorizon : Number.POSITIVE_INFINITY;
}

/** a − b for waits, with ∞ − ∞ = 0 (one more FTE that changes nothing cuts nothing). */
export function cut(a: number, b: number): number {
  return a === b ? 0 : a - b;
}

const weightOf = (o: StaffingOffice, weights: StaffingWeights) =>
  weights === 'equal' ? 1 : o.arrivalsPerWeek;

/** Σ w_i f_i / Σ w_i; offices with weight 0 do not count; 0 when no office has weight. */
export function weightedMean(
  offices: readonly StaffingOffice[],
  waits: readonly number[],
  weights: StaffingWeights,
): number {
  let sum = 0;
  let total = 0;
  offices.forEach((o, i) => {
    const w = weightOf(o, weights);
    if (w > 0) {
      sum += w * (waits[i] ?? 0);
      total += w;
    }
  });
  return total > 0 ? sum / total : 0;
}

const worst = (waits: readonly number[]) => waits.reduce((m, w) => Math.max(m, w), 0);

function invalid(field: string, rule: StaffingRule): StaffingInvalid {
  return { ok: false, field, rule };
}

const finiteNonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const integerNonNegative = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/** Checks the offices, horizon and weights; the first broken rule wins. */
export function validateStaffingModel(model: StaffingModel): StaffingInvalid | null {
  if (!finiteNonNegative(model.horizonWeeks)) return invalid('horizonWeeks', 'finiteNonNegative');
  if (model.weights !== undefined && model.weights !== 'arrivals' && model.weights !== 'equal') {
    return invalid('weights', 'knownValue');
  }
  if (model.offices.length === 0) return invalid('offices', 'nonEmpty');
  const seen = new Set<string>();
  for (const [i, o] of model.offices.entries()) {
    const at = `offices[${i}]`;
    if (typeof o.id !== 'string' || o.id === '') return invalid(`${at}.id`, 'nonEmpty');
    if (seen.has(o.id)) return invalid(`${at}.id`, 'unique');
    seen.add(o.id);
    for (const key of ['backlog', 'arrivalsPerWeek', 'fte'] as const) {
      if (!finiteNonNegative(o[key])) return invalid(`${at}.${key}`, 'finiteNonNegative');
    }
    if (!finiteNonNegative(o.completionsPerFtePerWeek) || o.completionsPerFtePerWeek <= 0) {
      return invalid(`${at}.completionsPerFtePerWeek`, 'positive');
    }
    if (o.maxExtra !== undefined && !integerNonNegative(o.maxExtra)) {
      return invalid(`${at}.maxExtra`, 'integerNonNegative');
    }
    if (o.rampWeeks !== undefined && !finiteNonNegative(o.rampWeeks)) {
      return invalid(`${at}.rampWeeks`, 'finiteNonNegative');
    }
    // Work that no one can ever do: no staff and no room for extra staff.
    if (o.fte === 0 && o.maxExtra === 0 && (o.arrivalsPerWeek > 0 || o.backlog > 0)) {
      return invalid(`${at}.fte`, 'needsCapacity');
    }
  }
  return null;
}

function validateBudget(extra: number): StaffingInvalid | null {
  if (!integerNonNegative(extra)) return invalid('extra', 'integerNonNegative');
  if (extra > MAX_EXTRA_FTE) return invalid('extra', 'atMostMaxExtraFte');
  return null;
}

function plan(input: StaffingInput): StaffingPlan {
  const { offices, extra: K, horizonWeeks: T, objective } = input;
  const weights = input.weights ?? DEFAULT_STAFFING_WEIGHTS;
  const before = offices.map((o) => waitAfterHorizon(o, 0, T));
  const current = [...before];
  const next = offices.map((o) => waitAfterHorizon(o, 1, T));
  const given = offices.map(() => 0);
  const limit = offices.map((o) => Math.min(o.maxExtra ?? K, K));
  const keyOf = (i: number): number | null => {
    const o = offices[i] as StaffingOffice;
    const gain = cut(current[i] as number, next[i] as number);
    if ((given[i] as number) >= (limit[i] as number) || !(gain > 0)) return null;
    if (objective === 'minimax') return current[i] as number;
    const w = weightOf(o, weights);
    return w > 0 ? w * gain : null;
  };
  const heap = new MaxHeap();
  const enqueue = (i: number) => {
    const key = keyOf(i);
    if (key !== null) heap.push({ index: i, id: (offices[i] as StaffingOffice).id, key });
  };
  offices.forEach((_, i) => {
    enqueue(i);
  });
  const steps: string[] = [];
  while (steps.length < K) {
    const top = heap.pop();
    if (top === undefined) break;
    const i = top.index;
    const x = (given[i] as number) + 1;
    given[i] = x;
    current[i] = next[i] as number;
    next[i] = waitAfterHorizon(offices[i] as StaffingOffice, x + 1, T);
    steps.push(top.id);
    enqueue(i);
  }
  const waits = (values: number[]) =>
    offices.map((o, i) => ({ officeId: o.id, waitWeeks: values[i] as number }));
  return {
    ok: true,
    objective,
    weights,
    allocation: offices.map((o, i) => ({ officeId: o.id, extra: given[i] as number })),
    unallocated: K - steps.length,
    before: waits(before),
    after: waits(current),
    worstBefore: worst(before),
    worstAfter: worst(current),
    weightedMeanBefore: weightedMean(offices, before, weights),
    weightedMeanAfter: weightedMean(offices, current, weights),
    steps,
  };
}

/** Places `extra` FTE by the greedy of memo §3.7 for the chosen objective. */
export function optimiseStaffing(input: StaffingInput): StaffingResult {
  const problem = validateStaffingModel(input) ?? validateBudget(input.extra);
  if (problem) return problem;
  if (input.objective !== 'minimax' && input.objective !== 'weightedMean')
    return invalid('objective', 'knownValue');
  return plan(input);
}

/** Both objectives on the same data (memo §3.7: "the two objectives disagree; show both"). */
export function compareObjectives(
  input: StaffingModel & { extra: number },
): { ok: true; minimax: StaffingPlan; weightedMean: StaffingPlan } | StaffingInvalid {
  const problem = validateStaffingModel(input) ?? validateBudget(input.extra);
  if (problem) return problem;
  return {
    ok: true,
    minimax: plan({ ...input, objective: 'minimax' }),
    weightedMean: plan({ ...input, objective: 'weightedMean' }),
  };
}

export type MarginalRow = {
  officeId: string;
  /** False when maxExtra is 0: the office cannot take one more FTE (all cuts are then 0). */
  canAdd: boolean;
  /** Cut in the worst wait over all offices (weeks). */
  worstWaitCut: number;
  /** w_i·(f_i(0) − f_i(1)): the weighted gain of memo §5.9 case 5 (weeks × weight). */
  weightedGain: number;
  /** Cut in the weighted-mean wait: weightedGain / Σ w (weeks). */
  weightedMeanCut: number;
  /** Cut in the office's own wait (weeks). */
  ownWaitCut: number;
};

/** "One extra caseworker": what one more FTE at each office (alone) cuts, in input order (memo §5.7). */
export function marginalTable(model: StaffingModel): { ok: true; rows: MarginalRow[] } | StaffingInvalid {
  const problem = validateStaffingModel(model);
  if (problem) return problem;
  const { offices, horizonWeeks: T } = model;
  const weights = model.weights ?? DEFAULT_STAFFING_WEIGHTS;
  const now = offices.map((o) => waitAfterHorizon(o, 0, T));
  const totalWeight = offices.reduce((sum, o) => sum + weightOf(o, weights), 0);
  // The worst wait without office i is the largest, or the second largest when i holds the largest.
  let first = -1;
  for (const [i, w] of now.entries()) if (first < 0 || w > (now[first] as number)) first = i;
  const secondWorst = worst(now.filter((_, i) => i !== first));
  const worstNow = worst(now);
  const rows = offices.map((o, i): MarginalRow => {
    const canAdd = o.maxExtra !== 0;
    const after = canAdd ? waitAfterHorizon(o, 1, T) : (now[i] as number);
    const own = cut(now[i] as number, after);
    const worstAfter = Math.max(after, i === first ? secondWorst : worstNow);
    const w = weightOf(o, weights);
    const weightedGain = w > 0 ? w * own : 0;
    return {
      officeId: o.id,
      canAdd,
      worstWaitCut: cut(worstNow, worstAfter),
      weightedGain,
      weightedMeanCut: totalWeight > 0 ? weightedGain / totalWeight : 0,
      ownWaitCut: own,
    };
  });
  return { ok: true, rows };
}
