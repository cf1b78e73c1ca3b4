import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type KeyEntry, MAX_TOTAL_CENTS, type Share, shareCosts } from './cost-sharing.ts';

const RUNS = { seed: 20261207, numRuns: 500 };
const CODES = ['BE', 'BB', 'MV', 'SN', 'ST', 'TH', 'BW', 'BY', 'HB', 'HH'] as const;

/** A weight as the key data or a negotiated table has it: whole, percent with decimals, or a population. */
const weight = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 100_000),
  fc.integer({ min: 1_000_000, max: 20_000_000 }),
);
const total = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: MAX_TOTAL_CENTS }));

/** Two to ten distinct states with weights, at least one weight above zero. */
const entries = fc
  .uniqueArray(fc.constantFrom(...CODES), { minLength: 2, maxLength: CODES.length })
  .chain((states) =>
    fc.tuple(fc.constant(states), fc.array(weight, { minLength: states.length, maxLength: states.length })),
  )
  .map(([states, ws]) => states.map((state, i) => ({ state, weight: ws[i] ?? 0 })))
  .filter((es) => es.some((e) => e.weight > 0));

function sharesOf(t: number, es: readonly KeyEntry[]): readonly Share[] {
  const r = shareCosts(t, es);
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.refusal)}`);
  return r.shares;
}

describe('cost sharing: properties', () => {
  it('the shares sum exactly to the total, every share whole and non-negative', () => {
    fc.assert(
      fc.property(total, entries, (t, es) => {
        const shares = sharesOf(t, es);
        assert.equal(
          shares.reduce((a, s) => a + s.cents, 0),
          t,
        );
        for (const s of shares) assert.ok(Number.isSafeInteger(s.cents) && s.cents >= 0);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the states', () => {
    fc.assert(
      fc.property(
        total,
        entries.chain((es) => fc.tuple(fc.constant(es), fc.shuffledSubarray(es, { minLength: es.length }))),
        (t, [es, shuffled]) => {
          assert.deepEqual(sharesOf(t, shuffled), sharesOf(t, es));
        },
      ),
      RUNS,
    );
  });

  it('gives a state with a larger key never less than one with a smaller key', () => {
    fc.assert(
      fc.property(total, entries, (t, es) => {
        const shares = sharesOf(t, es);
        for (const a of shares)
          for (const b of shares)
            if (a.weight > b.weight) assert.ok(a.cents >= b.cents, `${a.state} ${b.state}`);
      }),
      RUNS,
    );
  });

  it('gives states with an equal key shares that differ by at most one cent', () => {
    fc.assert(
      fc.property(
        total,
        fc.uniqueArray(fc.constantFrom(...CODES), { minLength: 2 }),
        weight.filter((w) => w > 0),
        (t, states, w) => {
          const cents = sharesOf(
            t,
            states.map((state) => ({ state, weight: w })),
          ).map((s) => s.cents);
          assert.ok(Math.max(...cents) - Math.min(...cents) <= 1);
        },
      ),
      RUNS,
    );
  });

  it('stays within one cent of each exact quota (renormalised over the participants)', () => {
    fc.assert(
      fc.property(total, entries, (t, es) => {
        for (const s of sharesOf(t, es)) assert.ok(Math.abs(s.cents - t * s.fraction) < 1 + t * 1e-12);
      }),
      RUNS,
    );
  });

  it('shares a scaled key the same way (only the proportions count)', () => {
    fc.assert(
      fc.property(total, entries, fc.integer({ min: 2, max: 50 }), (t, es, k) => {
        const whole = es.map((e) => ({ state: e.state, weight: Math.round(e.weight) }));
        fc.pre(whole.some((e) => e.weight > 0) && whole.every((e) => e.weight * k <= 1e9));
        const scaled = whole.map((e) => ({ state: e.state, weight: e.weight * k }));
        assert.deepEqual(
          sharesOf(t, scaled).map((s) => s.cents),
          sharesOf(t, whole).map((s) => s.cents),
        );
      }),
      RUNS,
    );
  });
});
