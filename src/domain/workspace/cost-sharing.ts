/**
 * Cost sharing between states (issue 17, agreement V4): a total in cents is shared among the participating states
 * by a key — the Königsteiner Schlüssel of a year, population, equal shares or a negotiated table. Pure: the key
 * figures come in as arguments; refusals are values naming the field and the rule.
 *
 * Rounding is the largest-remainder (Hamilton) method on exact integers: every state first gets the whole cents of
 * its exact quota, the cents left over go one each to the states with the largest remainders, ties broken by state
 * code. So the shares sum to the total exactly, no share is negative, a state with a larger key never pays less
 * than one with a smaller key, the result does not depend on the order in which the states are listed, and states
 * with equal keys differ by at most one cent. Weights are renormalised over the participating states only.
 */

/** How a project's costs are shared. */
export const KEY_KINDS = ['koenigstein', 'population', 'equal', 'negotiated'] as const;
export type KeyKind = (typeof KEY_KINDS)[number];

/** Weights are read to this many decimal places (the Königstein key is published with five). */
export const WEIGHT_DECIMALS = 6;
/** The largest weight accepted (far above any state's population). */
export const MAX_WEIGHT = 1e9;
/** The largest total accepted: 100 billion euros, in cents. */
export const MAX_TOTAL_CENTS = 10_000_000_000_000;

export interface KeyEntry {
  /** The state's code; also the tie-break between equal remainders. */
  readonly state: string;
  /** The state's key figure (a percentage, a population, 1 for equal shares, a negotiated weight). */
  readonly weight: number;
}

export interface Share {
  readonly state: string;
  readonly weight: number;
  /** The state's part of the key after renormalising over the participants, 0..1 (for display). */
  readonly fraction: number;
  /** The state's share of the total in cents. */
  readonly cents: number;
}

export type ShareRefusal =
  | { readonly field: 'budget'; readonly rule: 'positive' | 'too-large' | 'whole-cents' }
  | { readonly field: 'states'; readonly rule: 'min-two' | 'duplicate' }
  | {
      readonly field: 'weights';
      readonly rule: 'non-negative' | 'too-large' | 'sum-positive';
      readonly state?: string;
    };

export type ShareResult =
  | { readonly ok: true; readonly shares: readonly Share[] }
  | { readonly ok: false; readonly refusal: ShareRefusal };

const SCALE = 10n ** BigInt(WEIGHT_DECIMALS);

/** A weight as an exact integer of millionths (rounded half away from zero at the sixth decimal). */
export function scaledWeight(weight: number): bigint {
  return BigInt(Math.round(weight * Number(SCALE)));
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Shares `totalCents` among the entries by their weights (largest remainder, ties by state code). The shares come
 * back in order of state code. A total of zero gives every state zero.
 */
export function shareCosts(totalCents: number, entries: readonly KeyEntry[], minStates = 2): ShareResult {
  if (!Number.isSafeInteger(totalCents)) return refuse({ field: 'budget', rule: 'whole-cents' });
  if (totalCents < 0) return refuse({ field: 'budget', rule: 'positive' });
  if (totalCents > MAX_TOTAL_CENTS) return refuse({ field: 'budget', rule: 'too-large' });
  if (entries.length < minStates) return refuse({ field: 'states', rule: 'min-two' });
  if (new Set(entries.map((e) => e.state)).size !== entries.length)
    return refuse({ field: 'states', rule: 'duplicate' });
  const sorted = [...entries].sort((a, b) => byCode(a.state, b.state));
  for (const e of sorted) {
    if (!Number.isFinite(e.weight) || e.weight < 0)
      return refuse({ field: 'weights', rule: 'non-negative', state: e.state });
    if (e.weight > MAX_WEIGHT) return refuse({ field: 'weights', rule: 'too-large', state: e.state });
  }
  const scaled = sorted.map((e) => scaledWeight(e.weight));
  const sum = scaled.reduce((a, w) => a + w, 0n);
  if (sum === 0n) return refuse({ field: 'weights', rule: 'sum-positive' });
  const total = BigInt(totalCents);
  const floors = scaled.map((w) => (total * w) / sum);
  const remainders = scaled.map((w) => (total * w) % sum);
  let left = total - floors.reduce((a, f) => a + f, 0n);
  // Largest remainder first; equal remainders by state code (the entries are in code order already).
  const order = sorted
    .map((_, i) => i)
    .sort((i, j) => {
      const ri = remainders[i] as bigint;
      const rj = remainders[j] as bigint;
      return ri > rj ? -1 : ri < rj ? 1 : i - j;
    });
  const cents = [...floors];
  for (const i of order) {
    if (left === 0n) break;
    cents[i] = (cents[i] as bigint) + 1n;
    left -= 1n;
  }
  return {
    ok: true,
    shares: sorted.map((e, i) => ({
      state: e.state,
      weight: e.weight,
      fraction: Number(scaled[i]) / Number(sum),
      cents: Number(cents[i]),
    })),
  };
}

function refuse(refusal: ShareRefusal): ShareResult {
  return { ok: false, refusal };
}

/** One state's key figure as the reference data has it: the value, its period and its source. */
export interface KeyFigure {
  readonly state: string;
  readonly value: number;
  /** The key year ("2016") or the reference date of a population figure ("2024-12-31"). */
  readonly period: string;
  readonly source: string;
  readonly verified: boolean;
}

export type KeyEntriesResult =
  | { readonly ok: true; readonly entries: readonly (KeyEntry & { readonly figure: KeyFigure | null })[] }
  | {
      readonly ok: false;
      readonly refusal: { readonly field: 'keyYear' | 'weights'; readonly rule: 'missing' };
    };

/**
 * The key entries for the participating states: equal shares weigh 1 each; the Königstein key and population take
 * each state's figure (a state without one refuses the key year, or the key, naming the state's field); a
 * negotiated table takes the weights as entered.
 */
export function keyEntries(
  kind: KeyKind,
  states: readonly string[],
  figures: ReadonlyMap<string, KeyFigure>,
  negotiated: Readonly<Record<string, number>> = {},
): KeyEntriesResult {
  const entries = [];
  for (const state of states) {
    if (kind === 'equal') entries.push({ state, weight: 1, figure: null });
    else if (kind === 'negotiated') {
      const weight = negotiated[state];
      if (weight === undefined) return { ok: false, refusal: { field: 'weights', rule: 'missing' } };
      entries.push({ state, weight, figure: null });
    } else {
      const figure = figures.get(state);
      if (!figure) return { ok: false, refusal: { field: 'keyYear', rule: 'missing' } };
      entries.push({ state, weight: figure.value, figure });
    }
  }
  return { ok: true, entries };
}

/**
 * An amount in euros as people type it, in cents: "12.345,67", "12345,67", "12 345.67 €", "12345". A comma or a
 * point followed by one or two digits at the end is the decimal mark; points, spaces and apostrophes elsewhere
 * group thousands. Null for anything else (letters, three decimals, a sign).
 */
export function centsFromEuros(text: string): number | null {
  const s = text
    .trim()
    .replace(/\s*(€|EUR)$/i, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  const m = /^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = (m[1] as string).replace(/[.,]/g, '');
  if (whole.length > 14) return null;
  const cents = Number(whole) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
