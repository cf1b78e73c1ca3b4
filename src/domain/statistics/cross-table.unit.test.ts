import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { publishCrossTable } from './cross-table.ts';
import { derivable, twoWay } from './suppression.ts';

const T = 5;

describe('publishCrossTable', () => {
  it('shows a table without small counts in full, totals included', () => {
    const p = publishCrossTable(
      [
        [10, 0],
        [7, 20],
      ],
      T,
    );
    assert.deepEqual(
      p.cells.map((r) => r.map((c) => c.value)),
      [
        [10, 0],
        [7, 20],
      ],
    );
    assert.deepEqual(
      p.rowTotals.map((c) => c.value),
      [10, 27],
    );
    assert.deepEqual(
      p.colTotals.map((c) => c.value),
      [17, 20],
    );
    assert.equal(p.grand.value, 37);
  });

  it('hides a small count and enough others that it cannot be worked out from the totals', () => {
    const p = publishCrossTable(
      [
        [3, 12, 9],
        [8, 11, 30],
      ],
      T,
    );
    assert.equal(p.cells[0]?.[0]?.hidden, 'primary');
    assert.equal(p.cells[0]?.[0]?.value, null);
    // Row 0 and column 0 each need a second hidden cell, else 3 = total − the rest.
    assert.ok((p.cells[0] ?? []).filter((c) => c.hidden).length + (p.rowTotals[0]?.hidden ? 1 : 0) >= 2);
    assert.ok(p.cells.filter((r) => r[0]?.hidden).length + (p.colTotals[0]?.hidden ? 1 : 0) >= 2);
  });

  it('refuses rows of different lengths and counts that are not whole and non-negative', () => {
    assert.throws(() => publishCrossTable([[1, 2], [3]], T), RangeError);
    assert.throws(() => publishCrossTable([[1.5]], T), RangeError);
    assert.throws(() => publishCrossTable([[-1]], T), RangeError);
  });

  it('never shows a count from 1 to 4, and no hidden count follows from what is shown', () => {
    const grid = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 })).chain(([r, c]) =>
      fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), {
          minLength: c,
          maxLength: c,
        }),
        { minLength: r, maxLength: r },
      ),
    );
    fc.assert(
      fc.property(grid, (cells) => {
        const p = publishCrossTable(cells, T);
        const shown = [...p.cells.flat(), ...p.rowTotals, ...p.colTotals, p.grand];
        for (const c of shown) if (c.value !== null) assert.ok(c.value === 0 || c.value >= T);
        const { table, at } = twoWay(cells);
        const hidden = table.values.map(() => false);
        cells.forEach((row, r) => {
          row.forEach((_, c) => {
            hidden[at.cell(r, c)] = p.cells[r]?.[c]?.hidden !== null;
          });
          hidden[at.rowTotal(r)] = p.rowTotals[r]?.hidden !== null;
        });
        p.colTotals.forEach((c, i) => {
          hidden[at.colTotal(i)] = c.hidden !== null;
        });
        hidden[at.grand] = p.grand.hidden !== null;
        assert.ok(derivable(table, hidden).every((d) => !d));
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
