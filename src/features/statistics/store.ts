/**
 * The published statistics, read from the rollup (issue 19). The job (`statistics-rollup`, every hour) refreshes
 * the rollup in full (rollup.ts); the pages, downloads and API read the stored rows — a few hundred per year —
 * and publish them (figures.ts), held in memory until the next refresh. When there is no rollup yet (a new
 * database), the first reader computes it; one older than two hours (no job running) is refreshed in the
 * background while the old figures are shown with their date. A report for a chosen period (report.ts) is
 * published from the same held rows.
 */
import type { IsoDate } from '../../domain/calendar.ts';
import type { DayHistogram } from '../../domain/statistics/index.ts';
import type { Database } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { publishStatistics, type RollupRow, type Statistics, type Window } from './figures.ts';
import { refreshRollup } from './rollup.ts';
import { statisticsRollup, statisticsRollupRun } from './schema.ts';

export const STATISTICS_JOB = 'statistics-rollup';

export function createStatistics(
  db: Database,
  now: () => Date,
  options: { checkMs?: number; staleMs?: number } = {},
) {
  const checkMs = options.checkMs ?? 30_000;
  // Where no job runs (JOBS_ENABLED=false), a rollup older than this is refreshed in the background.
  const staleMs = options.staleMs ?? 2 * 3_600_000;
  let held: Held | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<unknown> | null = null;

  function refresh() {
    refreshing ??= refreshRollup(db, now()).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function read(): Promise<Held | null> {
    const [run] = await db.select().from(statisticsRollupRun).limit(1);
    if (!run) return null;
    const computedAt = run.computedAt.toISOString();
    if (held && held.s.computedAt === computedAt) return held;
    // Every week (the backlog adds up from the first filing); one row per week, state and step.
    const rows = (await db.select().from(statisticsRollup)).map((r) => ({
      ...r,
      week: r.week as IsoDate,
      durations: r.durations as DayHistogram,
    }));
    return { s: publishStatistics(rows, run.asOf as IsoDate, computedAt), rows };
  }

  /** The published figures: the held ones, looked for again at most every `checkMs`; computed when none exist. */
  async function currentHeld(): Promise<Held> {
    const at = now().getTime();
    if (held && at - checkedAt < checkMs) return held;
    let found = await read();
    if (!found) {
      await refresh();
      found = await read();
    }
    if (!found) throw new Error('statistics rollup missing after refresh');
    if (at - Date.parse(found.s.computedAt) >= staleMs) refresh().catch(() => {});
    held = found;
    checkedAt = at;
    return found;
  }

  return {
    current: async (): Promise<Statistics> => (await currentHeld()).s,
    /** The same table for a window of days up to the as-of day (the report), from the same rollup rows. */
    async forWindow(window: Window): Promise<Statistics> {
      const { s, rows } = await currentHeld();
      return publishStatistics(rows, s.asOf, s.computedAt, window);
    },
    /** Refreshes the rollup now (the job; tests) and forgets the held figures. */
    async refresh() {
      await refresh();
      checkedAt = Number.NEGATIVE_INFINITY;
    },
    job(): JobDefinition {
      return {
        name: STATISTICS_JOB,
        cron: '7 * * * *',
        handler: async () => {
          await refresh();
        },
      };
    },
  };
}

type Held = { readonly s: Statistics; readonly rows: readonly RollupRow[] };

export type StatisticsService = ReturnType<typeof createStatistics>;
