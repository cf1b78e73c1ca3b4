/**
 * The German missions abroad of the registry as a CSV file (issue 20): an administrator's import adds missions and
 * corrects existing ones, with the same fields and limits as the registry's correction form. A row names the mission
 * by its key; a key the registry does not have is a new mission. Missions missing from the file stay as they are.
 * A column left out of the file (region, notes) keeps every mission's value; an empty cell empties it. Pure.
 */
import {
  type CsvColumn,
  type CsvProblem,
  type CsvRow,
  type CsvTable,
  dateOfCell,
  type ImportReport,
  importReport,
  type RowOutcome,
} from '../interop/csv-table.ts';

export const MISSION_COLUMNS: readonly CsvColumn[] = [
  { key: 'id', names: ['Kennung', 'key', 'id'], required: true },
  { key: 'country', names: ['Land', 'country'], required: true },
  { key: 'name', names: ['Name'], required: true },
  { key: 'city', names: ['Ort', 'city'], required: true },
  { key: 'visaSection', names: ['Visastelle', 'visa section'], required: true },
  { key: 'region', names: ['Amtsbezirk', 'region'], required: false },
  { key: 'notes', names: ['Hinweise', 'notes'], required: false },
  { key: 'source', names: ['Quelle', 'source'], required: true },
  { key: 'asOf', names: ['Stand', 'as of'], required: true },
  { key: 'confidence', names: ['Verlässlichkeit', 'confidence'], required: true },
  { key: 'verified', names: ['Geprüft', 'verified'], required: true },
];

export const MISSION_LIMITS = { maxBytes: 512 * 1024, maxRows: 2000 } as const;

export type Confidence = 'high' | 'medium' | 'low';

export interface MissionValues {
  readonly country: string;
  readonly name: string;
  readonly city: string;
  readonly visaSection: boolean;
  readonly region: string | null;
  readonly notes: string | null;
  readonly source: string;
  readonly asOf: string;
  readonly confidence: Confidence;
  readonly verified: boolean;
}

export interface MissionChange {
  readonly id: string;
  /** A key the registry does not have yet: the import adds the mission. */
  readonly isNew: boolean;
  /** The mission as it will be after the import. */
  readonly values: MissionValues;
  /** The fields that differ from today's, with their values before (empty for a new mission). */
  readonly before: Readonly<Partial<MissionValues>>;
}

const MAX: Readonly<Record<string, number>> = {
  id: 100,
  country: 100,
  name: 300,
  city: 200,
  region: 1000,
  notes: 2000,
  source: 2000,
};

const YES = ['ja', 'yes', 'true', 'wahr', 'x', '1'];
const NO = ['nein', 'no', 'false', 'falsch', '0'];
const CONFIDENCE: Readonly<Record<string, Confidence>> = {
  hoch: 'high',
  high: 'high',
  mittel: 'medium',
  medium: 'medium',
  niedrig: 'low',
  low: 'low',
};

function yesNo(cell: string): boolean | null {
  const v = cell.toLocaleLowerCase('de');
  return YES.includes(v) ? true : NO.includes(v) ? false : null;
}

function checkRow(
  row: CsvRow,
  first: number | undefined,
  current: ReadonlyMap<string, MissionValues>,
  present: ReadonlySet<string>,
): RowOutcome<MissionChange> {
  const c = row.cells;
  const problems: CsvProblem[] = [];
  const at = (column: string, rule: CsvProblem['rule'], params?: Record<string, string | number>) =>
    problems.push({ row: row.row, column, rule, ...(params ? { params } : {}) });
  for (const key of ['id', 'country', 'name', 'city', 'source'])
    if ((c[key] ?? '') === '') at(key, 'required');
  for (const [key, max] of Object.entries(MAX)) if ((c[key] ?? '').length > max) at(key, 'too-long', { max });
  const id = c.id ?? '';
  if (id !== '' && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) at('id', 'key-format');
  if (first !== undefined) at('id', 'duplicate', { first });
  const before = current.get(id);
  if (before && c.country !== '' && c.country !== before.country) at('country', 'fixed');
  const visaSection = yesNo(c.visaSection ?? '');
  if (visaSection === null) at('visaSection', 'yes-no');
  const verified = yesNo(c.verified ?? '');
  if (verified === null) at('verified', 'yes-no');
  const confidence = CONFIDENCE[(c.confidence ?? '').toLocaleLowerCase('de')];
  if (!confidence) at('confidence', 'choice');
  const asOf = dateOfCell(c.asOf ?? '');
  if (asOf === null) at('asOf', 'date');
  if (problems.length > 0 || visaSection === null || verified === null || !confidence || asOf === null)
    return { row: row.row, cells: c, outcome: 'problem', problems };
  const optional = (key: 'region' | 'notes') =>
    present.has(key) ? (c[key] === '' ? null : (c[key] ?? null)) : (before?.[key] ?? null);
  const values: MissionValues = {
    country: c.country ?? '',
    name: c.name ?? '',
    city: c.city ?? '',
    visaSection,
    region: optional('region'),
    notes: optional('notes'),
    source: c.source ?? '',
    asOf,
    confidence,
    verified,
  };
  if (!before)
    return { row: row.row, cells: c, outcome: 'new', change: { id, isNew: true, values, before: {} } };
  const changed = (Object.keys(values) as (keyof MissionValues)[]).filter((k) => values[k] !== before[k]);
  const old = Object.fromEntries(changed.map((k) => [k, before[k]])) as Partial<MissionValues>;
  return {
    row: row.row,
    cells: c,
    outcome: changed.length === 0 ? 'unchanged' : 'changed',
    change: { id, isNew: false, values, before: old },
  };
}

/**
 * The dry run of a missions file against the registry's missions today. `present` holds the column keys the file's
 * header named (optional columns left out keep their values).
 */
export function missionImportReport(
  table: CsvTable,
  current: ReadonlyMap<string, MissionValues>,
  present: ReadonlySet<string>,
): ImportReport<MissionChange> {
  const seen = new Map<string, number>();
  return importReport(table, (row) => {
    const id = row.cells.id ?? '';
    const first = id === '' ? undefined : seen.get(id);
    if (id !== '' && first === undefined) seen.set(id, row.row);
    return checkRow(row, first, current, present);
  });
}
