/** `waiting backtest`: the rolling-origin back-test of the published waiting times on the database's history. */
import { parseArgs } from 'node:util';
import { P80_COVERAGE_BAND } from '../domain/capacity/backtest.ts';
import { momentOf } from '../domain/journey/index.ts';
import {
  type BacktestFigures,
  backtestWaitingTimes,
  type WaitingBacktest,
} from '../features/appointments/index.ts';
import { type DatabaseHandle, withoutStatementTimeout } from '../platform/db/client.ts';
import type { CliIo } from './identity.ts';

export const WAITING_USAGE = `  waiting backtest      back-test the waiting-time forecast of every office on its history (G4):
                        P50 error and P80 coverage over --origins N weeks (default 26) [--json]`;

export const BACKTEST_USAGE = 'Usage: chancenregion waiting backtest [--origins N] [--json]\n';
const MAX_ORIGINS = 104;

export type BacktestOptions = { readonly origins: number; readonly json: boolean };

/** The options, or `null` for a usage error. */
export function parseBacktestArgs(argv: readonly string[]): BacktestOptions | null {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { origins: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.join(' ') !== 'waiting backtest') return null;
    const origins = values.origins === undefined ? 26 : Number(values.origins);
    if (!Number.isInteger(origins) || origins < 1 || origins > MAX_ORIGINS) return null;
    return { origins, json: values.json === true };
  } catch {
    return null;
  }
}

const num = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const goal = (f: BacktestFigures) => (f.meetsGoal ? 'met' : 'not met');

function row(label: string, f: BacktestFigures, finished: number | string): string {
  return [
    label.slice(0, 40).padEnd(40),
    String(finished).padStart(8),
    `${f.scored}/${f.origins}`.padStart(7),
    num(f.maeP50Weeks).padStart(8),
    num(f.maeTargetWeeks).padStart(7),
    num(f.p80PitCoverage).padStart(7),
    num(f.p80Coverage).padStart(7),
    `  ${goal(f)}`,
  ].join(' ');
}

export function formatBacktest(result: WaitingBacktest): string {
  const [low, high] = P80_COVERAGE_BAND;
  const lines = [
    `Back-test of the waiting-time forecast on ${result.asOf}: ${result.originsPerOffice} rolling origins per office`,
    `G4: P50 mean absolute error ≤ max(1 week, 20 % of the mean realised wait); P80 coverage (randomised PIT) ${low}–${high}`,
    `${result.offices.length} offices back-tested; ${result.officesBelowMinimum} with too few finished cases left out`,
    '',
  ];
  if (result.overall === null) return `${lines.join('\n')}No office has enough finished cases.\n`;
  lines.push(
    `${'office'.padEnd(40)} ${'finished'.padStart(8)} ${'scored'.padStart(7)} ${'P50 MAE'.padStart(8)} ${'target'.padStart(7)} ${'P80 PIT'.padStart(7)} ${'P80 ≤'.padStart(7)}   G4`,
  );
  for (const o of result.offices) lines.push(row(o.name, o, o.finished));
  const finished = result.offices.reduce((sum, o) => sum + o.finished, 0);
  lines.push(row('all offices', result.overall, finished));
  lines.push(
    '',
    'Weeks; scored = origins with a forecast and a realised median; P80 ≤ = plain share served within P80.',
  );
  return `${lines.join('\n')}\n`;
}

/** `waiting backtest`, options already parsed (a usage error exits 64 before the database opens): exit 0. */
export async function waitingBacktest(
  db: DatabaseHandle,
  options: BacktestOptions,
  io: Pick<CliIo, 'stdout'>,
  now: () => Date = () => new Date(),
): Promise<number> {
  const asOf = momentOf(now().toISOString()).date;
  const result = await withoutStatementTimeout(db.db, (tx) =>
    backtestWaitingTimes(tx, asOf, options.origins),
  );
  io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatBacktest(result));
  return 0;
}
