/**
 * Lookup API over the effective-dated parameter table.
 *
 * - `parameter(id, date)`: one value in force on `date` (typed by id), or undefined when none is published.
 * - `parametersOn(date)`: every value in force on `date`, sorted by id.
 * - `parameterTable()`: every period of every parameter (for `GET /api/v1/parameters`).
 * - `parameterSnapshot(date)`: the frozen record the engine reads; computed once per date and memoised.
 */
import { type IsoDate, isIsoDate } from '../../calendar.ts';
import { PARAMETER_DEFINITIONS, type ParameterId, type ParameterValueOf } from './data.ts';
import type { ParameterDefinition, ParameterPeriod, ParameterUnit } from './periods.ts';
import type { Source } from './sources.ts';

export type ParameterValue<V extends number | string = number | string> = {
  readonly id: ParameterId;
  readonly value: V;
  readonly unit: ParameterUnit;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly source: Source;
  readonly verified: boolean;
  readonly derived?: boolean;
  readonly note?: string;
};

export type ParameterTableRow = ParameterValue & {
  readonly description: string;
  readonly sinceHorizon?: boolean;
};

export type ParameterSnapshot = { readonly [Id in ParameterId]?: ParameterValue<ParameterValueOf<Id>> };

export const PARAMETER_IDS = Object.freeze(Object.keys(PARAMETER_DEFINITIONS).sort() as ParameterId[]);

function definitionOf(id: ParameterId): ParameterDefinition {
  return PARAMETER_DEFINITIONS[id];
}

function toValue(id: ParameterId, unit: ParameterUnit, p: ParameterPeriod): ParameterValue {
  return Object.freeze({
    id,
    value: p.value,
    unit,
    validFrom: p.validFrom,
    validTo: p.validTo,
    source: p.source,
    verified: p.verified,
    ...(p.derived ? { derived: true } : {}),
    ...(p.note === undefined ? {} : { note: p.note }),
  });
}

function assertDate(date: IsoDate): void {
  if (!isIsoDate(date))
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function lookup(id: ParameterId, date: IsoDate): ParameterValue | undefined {
  const definition = definitionOf(id);
  for (const p of definition.periods) {
    if (p.validFrom <= date && (p.validTo === null || date <= p.validTo))
      return toValue(id, definition.unit, p);
  }
  return undefined;
}

const snapshots = new Map<IsoDate, ParameterSnapshot>();
const SNAPSHOT_CACHE_LIMIT = 4096;

/** All values in force on `date` as a frozen record keyed by id; memoised per date. */
export function parameterSnapshot(date: IsoDate): ParameterSnapshot {
  const cached = snapshots.get(date);
  if (cached !== undefined) return cached;
  assertDate(date);
  const record: Partial<Record<ParameterId, ParameterValue>> = {};
  for (const id of PARAMETER_IDS) {
    const value = lookup(id, date);
    if (value !== undefined) record[id] = value;
  }
  const snapshot = Object.freeze(record) as ParameterSnapshot;
  if (snapshots.size >= SNAPSHOT_CACHE_LIMIT) snapshots.clear();
  snapshots.set(date, snapshot);
  return snapshot;
}

/** One parameter in force on `date`, or undefined if none is published for that date. */
export function parameter<Id extends ParameterId>(
  id: Id,
  date: IsoDate,
): ParameterValue<ParameterValueOf<Id>> | undefined {
  return parameterSnapshot(date)[id];
}

/** Every value in force on `date`, sorted by id, each with its source and `verified` flag. */
export function parametersOn(date: IsoDate): ParameterValue[] {
  const snapshot = parameterSnapshot(date);
  const values: ParameterValue[] = [];
  for (const id of PARAMETER_IDS) {
    const value = snapshot[id];
    if (value !== undefined) values.push(value);
  }
  return values;
}

/** The full table: every period of every parameter, sorted by id and then by validFrom. */
export function parameterTable(): ParameterTableRow[] {
  const rows: ParameterTableRow[] = [];
  for (const id of PARAMETER_IDS) {
    const definition = definitionOf(id);
    for (const p of definition.periods) {
      rows.push({
        ...toValue(id, definition.unit, p),
        description: definition.description,
        ...(p.sinceHorizon ? { sinceHorizon: true } : {}),
      });
    }
  }
  return rows;
}
