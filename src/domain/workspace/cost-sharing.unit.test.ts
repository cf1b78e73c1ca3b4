import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { centsFromEuros, type KeyFigure, keyEntries, shareCosts } from './cost-sharing.ts';

const cents = (r: ReturnType<typeof shareCosts>) =>
  r.ok ? Object.fromEntries(r.shares.map((s) => [s.state, s.cents])) : r.refusal;

const figure = (state: string, value: number): KeyFigure => ({
  state,
  value,
  period: '2016',
  source: 'test',
  verified: true,
});

describe('cost sharing by largest remainder', () => {
  it('shares 100 € equally among three states: the leftover cent goes to the first state by code', () => {
    const r = shareCosts(10_000, [
      { state: 'TH', weight: 1 },
      { state: 'SN', weight: 1 },
      { state: 'MV', weight: 1 },
    ]);
    assert.deepEqual(cents(r), { MV: 3334, SN: 3333, TH: 3333 });
  });

  it('shares 150 000 € by the Königstein key of 2016 of Saxony, Saxony-Anhalt and Thuringia, to the cent', () => {
    // 2016 key (koenigstein.csv): SN 5.05577, ST 2.79941, TH 2.69470. Exact quotas in cents: 7 188 380.34…,
    // 3 980 249.06…, 3 831 370.59…; the floors leave one cent, which goes to the largest remainder (Thuringia).
    const r = shareCosts(150_000_00, [
      { state: 'SN', weight: 5.05577 },
      { state: 'ST', weight: 2.79941 },
      { state: 'TH', weight: 2.6947 },
    ]);
    assert.deepEqual(cents(r), { SN: 7_188_380, ST: 3_980_249, TH: 3_831_371 });
  });

  it('gives the leftover cents to the largest remainders, not to the largest keys', () => {
    // Quotas 0.6, 0.3, 0.1 of 1 cent… of 10 cents: 6, 3, 1 exactly; of 1 cent: the 0.6 state gets it.
    const r = shareCosts(1, [
      { state: 'BB', weight: 6 },
      { state: 'BE', weight: 3 },
      { state: 'MV', weight: 1 },
    ]);
    assert.deepEqual(cents(r), { BB: 1, BE: 0, MV: 0 });
    const r2 = shareCosts(5, [
      { state: 'BB', weight: 0.5 },
      { state: 'BE', weight: 0.25 },
      { state: 'MV', weight: 0.25 },
    ]);
    // 2.5, 1.25, 1.25 → floors 2,1,1 (4), one cent left: remainder .5 is the largest.
    assert.deepEqual(cents(r2), { BB: 3, BE: 1, MV: 1 });
  });

  it('renormalises over the participants: percentages that do not sum to 100 still share all of the total', () => {
    const r = shareCosts(1_000_00, [
      { state: 'SN', weight: 5 },
      { state: 'TH', weight: 2.5 },
    ]);
    assert.deepEqual(cents(r), { SN: 66_667, TH: 33_333 });
    if (r.ok) assert.ok(Math.abs((r.shares[0]?.fraction ?? 0) - 2 / 3) < 1e-12);
  });

  it('gives a state with weight zero nothing', () => {
    assert.deepEqual(
      cents(
        shareCosts(999, [
          { state: 'SN', weight: 0 },
          { state: 'TH', weight: 3 },
        ]),
      ),
      { SN: 0, TH: 999 },
    );
  });

  it('refuses fewer than two states, a duplicate state, negative or zero weights and bad totals', () => {
    assert.deepEqual(cents(shareCosts(100, [{ state: 'SN', weight: 1 }])), {
      field: 'states',
      rule: 'min-two',
    });
    assert.deepEqual(
      cents(
        shareCosts(100, [
          { state: 'SN', weight: 1 },
          { state: 'SN', weight: 2 },
        ]),
      ),
      { field: 'states', rule: 'duplicate' },
    );
    const two = (a: number, b: number) => [
      { state: 'SN', weight: a },
      { state: 'TH', weight: b },
    ];
    assert.deepEqual(cents(shareCosts(100, two(-1, 2))), {
      field: 'weights',
      rule: 'non-negative',
      state: 'SN',
    });
    assert.deepEqual(cents(shareCosts(100, two(0, 0))), { field: 'weights', rule: 'sum-positive' });
    assert.deepEqual(cents(shareCosts(100, two(Number.NaN, 1))), {
      field: 'weights',
      rule: 'non-negative',
      state: 'SN',
    });
    assert.deepEqual(cents(shareCosts(100, two(2e9, 1))), {
      field: 'weights',
      rule: 'too-large',
      state: 'SN',
    });
    assert.deepEqual(cents(shareCosts(-1, two(1, 1))), { field: 'budget', rule: 'positive' });
    assert.deepEqual(cents(shareCosts(1.5, two(1, 1))), { field: 'budget', rule: 'whole-cents' });
    assert.deepEqual(cents(shareCosts(1e14, two(1, 1))), { field: 'budget', rule: 'too-large' });
  });
});

describe('key entries', () => {
  const figures = new Map([
    ['SN', figure('SN', 5.07451)],
    ['TH', figure('TH', 2.72451)],
  ]);

  it('takes each state its figure, with the figure kept for the record', () => {
    const r = keyEntries('koenigstein', ['SN', 'TH'], figures);
    assert.ok(r.ok);
    assert.deepEqual(
      r.entries.map((e) => [e.state, e.weight, e.figure?.period]),
      [
        ['SN', 5.07451, '2016'],
        ['TH', 2.72451, '2016'],
      ],
    );
  });

  it('refuses the key year when a state has no figure for it', () => {
    assert.deepEqual(keyEntries('koenigstein', ['SN', 'BE'], figures), {
      ok: false,
      refusal: { field: 'keyYear', rule: 'missing' },
    });
  });

  it('weighs equal shares 1 each and negotiated shares as entered', () => {
    const eq = keyEntries('equal', ['SN', 'BE'], new Map());
    assert.ok(eq.ok);
    assert.deepEqual(
      eq.entries.map((e) => e.weight),
      [1, 1],
    );
    const neg = keyEntries('negotiated', ['SN', 'BE'], new Map(), { SN: 60, BE: 40 });
    assert.ok(neg.ok);
    assert.deepEqual(
      neg.entries.map((e) => e.weight),
      [60, 40],
    );
    assert.equal(keyEntries('negotiated', ['SN', 'BE'], new Map(), { SN: 60 }).ok, false);
  });
});

describe('euros as people type them', () => {
  it('reads German and English notations to the cent', () => {
    const cases: [string, number | null][] = [
      ['150000', 15_000_000],
      ['150.000', 15_000_000],
      ['150.000,50', 15_000_050],
      ['150,000.50', 15_000_050],
      ['1 234,5', 123_450],
      ['12,34', 1234],
      ['12.34 €', 1234],
      ['0,01', 1],
      ['0', 0],
      ['', null],
      ['-5', null],
      ['1,234', 123_400],
      ['12,345', 1_234_500],
      ['1,2345', null],
      ['zehn', null],
      ['1e5', null],
    ];
    for (const [text, expected] of cases) assert.equal(centsFromEuros(text), expected, text);
  });
});
