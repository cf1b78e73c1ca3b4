/**
 * The reference figures that share costs between the six states (issue 17): the Königsteiner Schlüssel per key year
 * and the latest population figure per state, each with its period and source, read from the statistic table
 * (loaded from src/data/koenigstein.csv and population.csv by seed-statistics.ts).
 */
import { inArray } from 'drizzle-orm';
import type { KeyFigure } from '../../domain/workspace/cost-sharing.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { STATES } from '../regions/index.ts';
import { statistic } from './schema.ts';

export interface CostKeyFigures {
  /** Key year → state code → the state's share in percent, for the six states. */
  readonly koenigstein: ReadonlyMap<string, ReadonlyMap<string, KeyFigure>>;
  /** Key years with a figure for each of the six states, newest first. */
  readonly koenigsteinYears: readonly string[];
  /** State code → the latest population figure (its reference date as period). */
  readonly population: ReadonlyMap<string, KeyFigure>;
}

const CODE_BY_NAME = new Map<string, string>(STATES.map((s) => [s.nameDe, s.code]));

/** The Königstein key and population figures of the six states, as loaded with the reference data. */
export async function costKeyFigures(db: DbOrTx): Promise<CostKeyFigures> {
  const rows = await db
    .select({
      topic: statistic.topic,
      geography: statistic.geography,
      period: statistic.period,
      value: statistic.valueNumber,
      source: statistic.source,
      verified: statistic.verified,
    })
    .from(statistic)
    .where(inArray(statistic.topic, ['koenigstein', 'population']));
  const koenigstein = new Map<string, Map<string, KeyFigure>>();
  const population = new Map<string, KeyFigure>();
  for (const r of rows) {
    const state = CODE_BY_NAME.get(r.geography);
    if (!state || r.value === null) continue;
    const figure: KeyFigure = {
      state,
      value: r.value,
      period: r.period,
      source: r.source,
      verified: r.verified,
    };
    if (r.topic === 'koenigstein') {
      const year = koenigstein.get(r.period) ?? new Map<string, KeyFigure>();
      year.set(state, figure);
      koenigstein.set(r.period, year);
    } else {
      const had = population.get(state);
      if (!had || had.period < r.period) population.set(state, figure);
    }
  }
  const koenigsteinYears = [...koenigstein.entries()]
    .filter(([, figures]) => figures.size === STATES.length)
    .map(([year]) => year)
    .sort()
    .reverse();
  return { koenigstein, koenigsteinYears, population };
}
