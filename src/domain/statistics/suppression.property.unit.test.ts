import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addHistograms, percentileDays } from './histogram.ts';
import { DISCLOSURE_RULES, disclosureRuleOn } from './parameters.ts';
import { derivable, oneWay, suppress, type Table, twoWay } from './suppression.ts';

const RUNS = { seed: 20261207, numRuns: 300 };
const T = 5;

/**
 * An attacker's first try, independent of `derivable`: repeatedly take a line with exactly one unknown cell and
 * work it out from the others (differences of totals), until nothing changes. Returns the cells recovered.
 */
function recoverByDifferences(table: Table, hidden: readonly boolean[]): Map<number, number> {
  const known = new Map<number, number>();
  table.values.forEach((v, i) => {
    if (!hidden[i]) known.set(i, v);
  });
  const recovered = new Map<number, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of table.lines) {
      const cells = [...line.parts, line.total];
      const unknown = cells.filter((c) => !known.has(c));
      if (unknown.length !== 1) continue;
      const u = unknown[0] as number;
      const partsSum = line.parts.reduce((a, p) => a + (p === u ? 0 : (known.get(p) ?? 0)), 0);
      const value = u === line.total ? partsSum : (known.get(line.total) ?? 0) - partsSum;
      known.set(u, value);
      recovered.set(u, value);
      changed = true;
    }
  }
  return recovered;
}

const small = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
const grid = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(small, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

function check(table: Table) {
  const why = suppress(table, T);
  const hidden = why.map((w) => w !== null);
  table.values.forEach((v, i) => {
    if (v > 0 && v < T) assert.equal(why[i], 'primary', `cell ${i} = ${v} under the threshold is hidden`);
  });
  assert.equal(
    recoverByDifferences(table, hidden).size,
    0,
    'no hidden cell follows by differences of totals',
  );
  assert.ok(
    derivable(table, hidden).every((d) => !d),
    'no hidden cell follows from any combination of the published cells',
  );
  // Every line with a hidden cell has at least two.
  for (const line of table.lines) {
    const n = [...line.parts, line.total].filter((c) => hidden[c]).length;
    assert.ok(n === 0 || n >= 2, 'a line hides none or at least two cells');
  }
  return hidden;
}

describe('disclosure control', () => {
  it('two-way tables with row, column and grand totals: no hidden cell can be recovered', () => {
    fc.assert(
      fc.property(grid, (cells) => {
        check(twoWay(cells).table);
      }),
      RUNS,
    );
  });

  it('one line of parts and their total (six states and all six)', () => {
    fc.assert(
      fc.property(fc.array(small, { minLength: 1, maxLength: 8 }), (parts) => {
        check(oneWay(parts));
      }),
      RUNS,
    );
  });

  it('hides nothing when every count is 0 or at least the threshold', () => {
    fc.assert(
      fc.property(
        grid.map((g) => g.map((r) => r.map((v) => (v > 0 && v < T ? v + T : v)))),
        (cells) => {
          assert.ok(suppress(twoWay(cells).table, T).every((w) => w === null));
        },
      ),
      RUNS,
    );
  });

  it('a state with 3 cases: its count and one more are hidden, and the total of all six does not give it away', () => {
    const table = oneWay([3, 40, 12, 7, 25, 9]);
    const why = suppress(table, T);
    assert.equal(why[0], 'primary');
    assert.equal(why[3], 'secondary', 'the next smallest (7) is hidden with it');
    assert.deepEqual(
      suppress(oneWay([0, 0, 30, 3]), T),
      [null, null, 'secondary', 'primary', null],
      'not a zero',
    );
    assert.equal(why[6], null, 'the total stays');
  });

  it('the bridge between two groups of hidden cells is closed (caught by the exact check)', () => {
    // Rows 0–1 × cols 0–1 and rows 2–3 × cols 2–3 are hidden blocks; a single hidden cell linking them is a bridge.
    const table: Table = {
      values: [1, 1, 1, 1, 2],
      lines: [
        { parts: [0, 1], total: 4 },
        { parts: [2, 3], total: 4 },
      ],
    };
    const hidden = [true, true, false, false, false];
    assert.deepEqual(derivable(table, hidden), [false, false, false, false, false]);
    assert.deepEqual(derivable(table, [true, false, false, false, false]), [
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('a bridge left by the line rule is found by the exact check and closed', () => {
    // Two hidden 2 × 2 blocks joined by one hidden cell (row 1, col 2): every line hides 0 or ≥ 2 cells, yet the
    // joining cell follows from the totals (it is no part of any cycle of hidden cells).
    const cells = [
      [1, 2, 50, 60],
      [3, 4, 2, 70],
      [80, 90, 1, 2],
      [95, 85, 3, 4],
    ];
    const { table, at } = twoWay(cells);
    const lineRuleOnly = table.values.map((v) => v > 0 && v < T);
    assert.equal(derivable(table, lineRuleOnly)[at.cell(1, 2)], true, 'the bridge is derivable');
    const hidden = check(table);
    assert.ok(hidden.filter((h) => h).length > lineRuleOnly.filter((h) => h).length, 'one more cell hidden');
  });

  it('the threshold is an effective-dated parameter with its source', () => {
    assert.equal(disclosureRuleOn('2027-03-01').threshold, 5);
    assert.equal(disclosureRuleOn('2020-01-01'), DISCLOSURE_RULES[0]);
    assert.ok(DISCLOSURE_RULES.every((r) => r.source.length > 20));
  });

  it('percentiles of combined histograms are those of the cases together', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }), { maxLength: 5 }),
        (groups) => {
          const hist = (xs: number[]) => {
            const h: Record<string, number> = {};
            for (const x of xs) h[x] = (h[x] ?? 0) + 1;
            return h;
          };
          const all = groups.flat().sort((a, b) => a - b);
          const combined = addHistograms(groups.map(hist));
          for (const p of [0.5, 0.8, 0.9]) {
            const expected = all.length === 0 ? null : all[Math.max(0, Math.ceil(p * all.length) - 1)];
            assert.equal(percentileDays(combined, p), expected);
          }
        },
      ),
      RUNS,
    );
  });
});
