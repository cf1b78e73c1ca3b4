/**
 * The published waiting times, stored (issue 15): computing them reads the journey events of every office (about
 * three seconds at 100 000 journeys, half a minute at a million), so no visitor should wait for it. The scheduled
 * job (`waiting-times-publish`, every ten minutes) computes them and stores them in `waiting_times_snapshot`, one
 * row per day; every server process keeps the latest row in memory and looks for a newer one at most every
 * `checkMs`. Figures older than `ttlMs` are still shown while a newer computation runs in the background (one at
 * a time per process); a visitor waits only when there are no figures at all yet (a new database).
 */
import { desc, eq, sql } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { DEFAULT_NEAR_BREACH_DAYS } from '../../platform/config.ts';
import { type Database, withoutStatementTimeout } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { waitingTimesSnapshot } from './schema.ts';
import { computeWaitingTimes, type OfficeFigures, type WaitingTimes } from './waiting.ts';

export const WAITING_PUBLISH_JOB = 'waiting-times-publish';

/** Published figures with the moment they were computed. */
export type PublishedWaitingTimes = WaitingTimes & { readonly computedAt: Date };

export type WaitingStoreOptions = {
  /** § 81a alerts: days before a deadline that count as close (the deadline job's window). */
  readonly nearBreachDays?: number;
  /** Figures older than this are computed again (in the background while the old ones are shown). */
  readonly ttlMs?: number;
  /** How often a process looks for figures another process stored. */
  readonly checkMs?: number;
};

const TEN_MINUTES = 10 * 60_000;

export function createWaitingTimes(db: Database, now: () => Date, options: WaitingStoreOptions = {}) {
  const nearBreachDays = options.nearBreachDays ?? DEFAULT_NEAR_BREACH_DAYS;
  const ttlMs = options.ttlMs ?? TEN_MINUTES;
  const checkMs = options.checkMs ?? 30_000;
  let held: PublishedWaitingTimes | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let checking: Promise<PublishedWaitingTimes | null> | null = null;
  let publishing: Promise<PublishedWaitingTimes> | null = null;

  /** Computes the figures of today and stores them (replacing today's earlier ones). */
  async function compute(): Promise<PublishedWaitingTimes> {
    const at = now();
    // Longer than a request may take at a million journeys (55 s): without the requests' statement timeout.
    const figures = await withoutStatementTimeout(db, (tx) =>
      computeWaitingTimes(tx, momentOf(at.toISOString()).date, nearBreachDays),
    );
    const row = { asOf: figures.asOf, computedAt: at, figures: figures.offices };
    await db
      .insert(waitingTimesSnapshot)
      .values(row)
      .onConflictDoUpdate({
        target: waitingTimesSnapshot.asOf,
        set: { computedAt: row.computedAt, figures: row.figures },
        setWhere: sql`${waitingTimesSnapshot.computedAt} < excluded.computed_at`,
      });
    const published = { ...figures, computedAt: at };
    if (!held || held.computedAt <= at) held = published;
    return published;
  }

  /** One computation at a time in this process; callers asking meanwhile share it. */
  function publish(): Promise<PublishedWaitingTimes> {
    publishing ??= compute().finally(() => {
      publishing = null;
    });
    return publishing;
  }

  /** The latest stored figures when they are newer than the ones held (one query, then the row only if newer). */
  async function latestStored(): Promise<PublishedWaitingTimes | null> {
    const [latest] = await db
      .select({ asOf: waitingTimesSnapshot.asOf, computedAt: waitingTimesSnapshot.computedAt })
      .from(waitingTimesSnapshot)
      .orderBy(desc(waitingTimesSnapshot.computedAt))
      .limit(1);
    if (!latest) return null;
    if (held && held.computedAt >= latest.computedAt) return held;
    const [row] = await db
      .select()
      .from(waitingTimesSnapshot)
      .where(eq(waitingTimesSnapshot.asOf, latest.asOf));
    if (!row) return held;
    return { asOf: row.asOf as IsoDate, computedAt: row.computedAt, offices: row.figures as OfficeFigures[] };
  }

  async function check(at: number): Promise<PublishedWaitingTimes | null> {
    checking ??= latestStored()
      .then((found) => {
        checkedAt = at;
        if (found && (!held || found.computedAt > held.computedAt)) held = found;
        return held;
      })
      .finally(() => {
        checking = null;
      });
    return checking;
  }

  /** The figures to show now: the latest stored, computed again in the background when older than `ttlMs`. */
  async function all(): Promise<PublishedWaitingTimes> {
    const at = now().getTime();
    const current = at - checkedAt < checkMs ? held : await check(at);
    if (!current) return publish();
    const today = momentOf(new Date(at).toISOString()).date;
    if (current.asOf !== today || at - current.computedAt.getTime() >= ttlMs) {
      // Shown as they are (with their date and time); the next visitor sees the new ones.
      publish().catch(() => {});
    }
    return current;
  }

  return {
    all,
    publish,
    /** One office by its slug, or `undefined` when no such office owns steps a person waits on. */
    async bySlug(slug: string): Promise<{ asOf: IsoDate; figures: OfficeFigures } | undefined> {
      const { asOf, offices } = await all();
      const figures = offices.find((f) => f.office.slug === slug);
      return figures ? { asOf, figures } : undefined;
    },
    /** The job that computes and stores the figures every ten minutes (one worker runs it at a time). */
    job(): JobDefinition {
      return {
        name: WAITING_PUBLISH_JOB,
        cron: '*/10 * * * *',
        handler: async () => {
          await publish();
        },
      };
    },
  };
}

export type WaitingTimesService = ReturnType<typeof createWaitingTimes>;
