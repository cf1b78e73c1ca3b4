/**
 * The shape of the parameter table: units, effective-dated periods and definitions, and the helpers that build
 * periods (one year, a fixed value through the engine's horizon).
 */
import type { IsoDate } from '../../calendar.ts';
import type { Source } from './sources.ts';

export const ENGINE_HORIZON_START: IsoDate = '2022-01-01';

export const PARAMETER_UNITS = [
  'EUR/year',
  'EUR/month',
  'EUR',
  'share-of-bbg',
  'years',
  'months',
  'weeks',
  'days',
  'points',
  'persons/year',
  'daily-rates',
  'age',
  'date',
] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

export type ParameterPeriod<V extends number | string = number | string> = {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly value: V;
  readonly source: Source;
  readonly verified: boolean;
  readonly derived?: boolean;
  readonly sinceHorizon?: boolean;
  readonly note?: string;
};

export type ParameterDefinition<V extends number | string = number | string> = {
  readonly unit: ParameterUnit;
  readonly description: string;
  readonly periods: readonly ParameterPeriod<V>[];
};

export type Quality = { verified?: boolean; derived?: boolean; note?: string };

export function period<V extends number | string>(
  validFrom: IsoDate,
  validTo: IsoDate | null,
  value: V,
  source: Source,
  quality: Quality = {},
): ParameterPeriod<V> {
  const verified = quality.verified ?? !quality.derived;
  return {
    validFrom,
    validTo,
    value,
    source,
    verified,
    ...(quality.derived ? { derived: true } : {}),
    ...(validFrom === ENGINE_HORIZON_START ? { sinceHorizon: true } : {}),
    ...(quality.note === undefined ? {} : { note: quality.note }),
  };
}

export function year<V extends number | string>(y: number, value: V, source: Source, quality?: Quality) {
  return period(`${y}-01-01`, `${y}-12-31`, value, source, quality);
}

/** A fixed value (statutory number or switch date) that holds through the engine's horizon. */
export function fixed<V extends number | string>(
  value: V,
  source: Source,
  quality?: Quality,
  from = ENGINE_HORIZON_START,
) {
  return [period(from, null, value, source, quality)];
}
