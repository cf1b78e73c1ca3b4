/**
 * Cell suppression of a published table (issue 19, "Disclosure control"). A table is a list of non-negative
 * counts (`values`) and additive relations among them (`lines`): each line says that the cells `parts` add up to
 * the cell `total`. Rows and columns with their totals, subtotals and the grand total are all lines.
 *
 * 1. Primary: every count from 1 to threshold − 1 is suppressed — totals included.
 * 2. Secondary, until stable: a line with exactly one suppressed cell (part or total) gets its smallest other
 *    non-zero cell suppressed as well (a part before a total at equal value; a zero only when nothing else is
 *    left, since an empty cell is often known anyway), so no hidden cell is one subtraction away.
 * 3. Then every hidden cell is checked against all published cells at once (`derivable`, exact linear algebra
 *    over the lines); a cell that could still be worked out (e.g. a "bridge" between two groups of hidden
 *    cells) gets the smallest published cell that makes it undeterminable suppressed, and step 2 runs again.
 *
 * Pure; the tables of the dashboard are small (six states and their total per step), so the exact check is cheap.
 */

export type Line = { readonly parts: readonly number[]; readonly total: number };
export type Table = { readonly values: readonly number[]; readonly lines: readonly Line[] };

/** Which cells are hidden, and why. */
export type Suppression = readonly ('primary' | 'secondary' | null)[];

const primary = (v: number, threshold: number) => v > 0 && v < threshold;

/**
 * Whether each hidden cell's value follows from the published cells and the lines. A hidden cell is determined
 * exactly when its unit vector lies in the row space of the lines restricted to the hidden cells (Gaussian
 * elimination in exact integer arithmetic on small coefficients).
 */
export function derivable(table: Table, hidden: readonly boolean[]): boolean[] {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const col = new Map(unknowns.map((u, k) => [u, k]));
  // Each line as coefficients over the unknowns: parts +1, total −1.
  const rows: number[][] = [];
  for (const line of table.lines) {
    const row = Array.from({ length: unknowns.length }, () => 0);
    let any = false;
    for (const p of line.parts) {
      const k = col.get(p);
      if (k !== undefined) {
        row[k] = (row[k] ?? 0) + 1;
        any = true;
      }
    }
    const t = col.get(line.total);
    if (t !== undefined) {
      row[t] = (row[t] ?? 0) - 1;
      any = true;
    }
    if (any) rows.push(row);
  }
  // Reduced row echelon form (fractions avoided: rows scaled by integers, then divided by their gcd).
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    const found = rows.findIndex((row, i) => i >= r && row[c] !== 0);
    if (found < 0) continue;
    [rows[r], rows[found]] = [rows[found] as number[], rows[r] as number[]];
    const pr = rows[r] as number[];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number[];
      if (i === r || row[c] === 0) continue;
      const a = pr[c] as number;
      const b = row[c] as number;
      const next = row.map((v, j) => v * a - (pr[j] as number) * b);
      const g = next.reduce((x, y) => gcd(x, Math.abs(y)), 0) || 1;
      rows[i] = next.map((v) => v / g);
    }
    pivots.push(c);
    r++;
  }
  const out = hidden.map(() => false);
  // An unknown is determined when some reduced row has it as its only non-zero entry.
  for (let i = 0; i < r; i++) {
    const row = rows[i] as number[];
    const nonZero = row.flatMap((v, j) => (v !== 0 ? [j] : []));
    if (nonZero.length === 1) out[unknowns[nonZero[0] as number] as number] = true;
  }
  return out;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** The cells of a table to hide under the minimum-frequency rule with secondary suppression. */
export function suppress(table: Table, threshold: number): Suppression {
  const { values, lines } = table;
  const why: ('primary' | 'secondary' | null)[] = values.map((v) =>
    primary(v, threshold) ? 'primary' : null,
  );
  const isTotal = new Set(lines.map((l) => l.total));
  const smallest = (cells: readonly number[]) =>
    [...cells]
      .filter((c) => why[c] === null)
      .sort(
        (a, b) =>
          Number(values[a] === 0) - Number(values[b] === 0) ||
          (values[a] as number) - (values[b] as number) ||
          Number(isTotal.has(a)) - Number(isTotal.has(b)) ||
          a - b,
      );
  for (;;) {
    // Step 2: no line with exactly one hidden cell.
    let changed = true;
    while (changed) {
      changed = false;
      for (const line of lines) {
        const cells = [...line.parts, line.total];
        if (cells.filter((c) => why[c] !== null).length !== 1) continue;
        const next = smallest(cells)[0];
        if (next === undefined) continue;
        why[next] = 'secondary';
        changed = true;
      }
    }
    // Step 3: nothing hidden may follow from the published cells by any combination of the lines.
    const hidden = why.map((w) => w !== null);
    const found = derivable(table, hidden).findIndex((d) => d);
    if (found < 0) return why;
    const candidates = smallest(values.map((_, i) => i));
    const fix = candidates.find(
      (c) =>
        !derivable(
          table,
          hidden.map((h, i) => h || i === c),
        )[found],
    );
    // No single cell helps (never seen with two-way tables): hide the smallest and look again.
    const chosen = fix ?? candidates[0];
    if (chosen === undefined) return why;
    why[chosen] = 'secondary';
  }
}

/**
 * A two-way table with row totals, column totals and the grand total as one `Table`: the cells row by row
 * (`rows` × `cols`), then the row totals, the column totals and the grand total.
 */
export function twoWay(cells: readonly (readonly number[])[]): { table: Table; at: TwoWayIndex } {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const cell = (r: number, c: number) => r * cols + c;
  const rowTotal = (r: number) => rows * cols + r;
  const colTotal = (c: number) => rows * cols + rows + c;
  const grand = rows * cols + rows + cols;
  const values: number[] = [];
  for (const row of cells) values.push(...row);
  for (const row of cells) values.push(row.reduce((a, b) => a + b, 0));
  for (let c = 0; c < cols; c++) values.push(cells.reduce((a, row) => a + (row[c] ?? 0), 0));
  values.push(values.slice(0, rows * cols).reduce((a, b) => a + b, 0));
  const lines: Line[] = [];
  for (let r = 0; r < rows; r++)
    lines.push({ parts: Array.from({ length: cols }, (_, c) => cell(r, c)), total: rowTotal(r) });
  for (let c = 0; c < cols; c++)
    lines.push({ parts: Array.from({ length: rows }, (_, r) => cell(r, c)), total: colTotal(c) });
  lines.push({ parts: Array.from({ length: rows }, (_, r) => rowTotal(r)), total: grand });
  lines.push({ parts: Array.from({ length: cols }, (_, c) => colTotal(c)), total: grand });
  return { table: { values, lines }, at: { cell, rowTotal, colTotal, grand } };
}

export type TwoWayIndex = {
  readonly cell: (r: number, c: number) => number;
  readonly rowTotal: (r: number) => number;
  readonly colTotal: (c: number) => number;
  readonly grand: number;
};

/** One line of parts and their total (e.g. six states and "all six") as a `Table`: the parts, then the total. */
export function oneWay(parts: readonly number[]): Table {
  const n = parts.length;
  return {
    values: [...parts, parts.reduce((a, b) => a + b, 0)],
    lines: [{ parts: Array.from({ length: n }, (_, i) => i), total: n }],
  };
}
