/**
 * A cross table (rows × columns with row totals, column totals and the grand total) as published: each count
 * either shown or hidden under the disclosure rule, with primary and secondary suppression over all its lines
 * (suppression.ts). Used where a feature publishes a small two-way table of counts, e.g. the counselling cases
 * of a state by topic and outcome (issue 19, V2.1). Pure.
 */
import { suppress, twoWay } from './suppression.ts';

/** A published count: `value` is null when the count is hidden. */
export type PublishedCount = {
  readonly value: number | null;
  readonly hidden: 'primary' | 'secondary' | null;
};

export type PublishedCrossTable = {
  readonly cells: readonly (readonly PublishedCount[])[];
  readonly rowTotals: readonly PublishedCount[];
  readonly colTotals: readonly PublishedCount[];
  readonly grand: PublishedCount;
};

/**
 * The cross table of `cells` (rows of equal length, non-negative integers) with every count from 1 to
 * `threshold − 1` hidden and as many further counts hidden as it takes that none of them can be worked out from
 * what is shown and the totals.
 */
export function publishCrossTable(
  cells: readonly (readonly number[])[],
  threshold: number,
): PublishedCrossTable {
  const cols = cells[0]?.length ?? 0;
  for (const row of cells) {
    if (row.length !== cols) throw new RangeError('All rows of a cross table have the same length');
    for (const v of row)
      if (!Number.isInteger(v) || v < 0) throw new RangeError('Counts are non-negative integers');
  }
  const { table, at } = twoWay(cells);
  const why = suppress(table, threshold);
  const count = (i: number): PublishedCount => {
    const hidden = why[i] ?? null;
    return { value: hidden ? null : (table.values[i] as number), hidden };
  };
  return {
    cells: cells.map((_, r) => Array.from({ length: cols }, (_, c) => count(at.cell(r, c)))),
    rowTotals: cells.map((_, r) => count(at.rowTotal(r))),
    colTotals: Array.from({ length: cols }, (_, c) => count(at.colTotal(c))),
    grand: count(at.grand),
  };
}
