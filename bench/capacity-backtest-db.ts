// The waiting-time back-test on the database (issue 15, G4): `seed --demo --scale N` into a fresh PostgreSQL
// database (BENCH_BACKTEST_JOURNEYS, default 20 000), then `waiting backtest`'s computation over 26 rolling
// origins for every office with enough finished cases. The synthetic journeys come from a few dozen templates
// started at fixed offsets before today, so their histories are far from a real office's queue; the figures
// show what the forecast makes of them, not how good it would be on real data.
import { BACKTEST_ORIGINS, P80_COVERAGE_BAND } from '../src/domain/capacity/backtest.ts';
import { momentOf } from '../src/domain/journey/index.ts';
import { backtestWaitingTimes } from '../src/features/appointments/index.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { freshPostgres } from './http.ts';
import { cli } from './journeys.ts';

const round = (x: number | null, digits = 3) => (x === null ? null : Number(x.toFixed(digits)));

export async function capacityBacktestDatabaseBenchmark(pgUrl: string) {
  const n = Number(process.env.BENCH_BACKTEST_JOURNEYS ?? 20_000);
  let db: Awaited<ReturnType<typeof freshPostgres>>;
  try {
    db = await freshPostgres(pgUrl);
  } catch (error) {
    process.stderr.write(`Back-test on the database skipped: ${(error as Error).message}\n`);
    return;
  }
  try {
    await cli(['seed', '--demo', '--scale', String(n)], db.url);
    const handle = await openDatabase({ databaseUrl: db.url });
    try {
      const started = performance.now();
      const asOf = momentOf(new Date().toISOString()).date;
      const result = await backtestWaitingTimes(handle.db, asOf, BACKTEST_ORIGINS);
      const seconds = (performance.now() - started) / 1000;
      const range = (pick: (o: (typeof result.offices)[number]) => number | null) => {
        const xs = result.offices.map(pick).filter((x): x is number => x !== null);
        return xs.length ? [round(Math.min(...xs)), round(Math.max(...xs))] : null;
      };
      const o = result.overall;
      process.stdout.write(
        `BENCH ${JSON.stringify({
          name: 'capacity.backtest.database',
          database: 'postgres',
          journeys: n,
          asOf,
          originsPerOffice: result.originsPerOffice,
          offices: result.offices.length,
          officesBelowMinimum: result.officesBelowMinimum,
          officesMeetingG4: result.offices.filter((x) => x.meetsGoal).length,
          scored: o?.scored ?? 0,
          origins: o?.origins ?? 0,
          maeP50Weeks: round(o?.maeP50Weeks ?? null),
          maeTargetWeeks: round(o?.maeTargetWeeks ?? null),
          p80PitCoverage: round(o?.p80PitCoverage ?? null),
          p80Coverage: round(o?.p80Coverage ?? null),
          meetsGoal: o?.meetsGoal ?? false,
          officeMaeP50Weeks: range((x) => x.maeP50Weeks),
          officeP80PitCoverage: range((x) => x.p80PitCoverage),
          seconds: Number(seconds.toFixed(2)),
          targetP80Coverage: P80_COVERAGE_BAND,
        })}\n`,
      );
    } finally {
      await handle.close();
    }
  } finally {
    await db.drop();
  }
}
