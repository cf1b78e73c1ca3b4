/**
 * The statistics rollup (issue 19), refreshed in full by a background job: one SQL aggregate over the journey
 * events writes `statistics_rollup` (schema.ts) inside one transaction, so readers see the old rollup or the new
 * one, never half of it. Simple and correct rather than incremental; the whole refresh is one statement.
 *
 * A case is one step of one journey, counted in the state of the organisation that owns it (its seat, else its
 * jurisdiction, as on the waiting-time pages); a step owned by a mission abroad or a nationwide body (the visa, a
 * central BA team) counts in the state of the journey's foreigners' office (else of any other step's owner in
 * the six states), the state the person is going to. Filed on the day of its first `step-submitted` event, decided on
 * the day of its last `step-decided`, withdrawn on the day of its last `step-withdrawn` when never decided
 * (calendar days in Europe/Berlin). "Within the deadline" compares the decision day with the due date of the
 * step's last statutory deadline when that is a decision deadline (`journey_step.deadline_due_at`: pause-adjusted,
 * and with the § 81a periods where the accelerated procedure applies); a step without one (e.g. a recognition
 * whose file was never complete) counts as decided, not as within or late.
 * The query is in docs/statistics.md.
 */
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { type Database, queryRows, withoutStatementTimeout } from '../../platform/db/client.ts';
import { STATE_CODES } from '../regions/index.ts';
import { statisticsRollupRun } from './schema.ts';

/** The steps the statistics publish, in the order of a journey. */
export const STAT_STEPS = [
  'recognition',
  'accelerated-procedure',
  'visa-decision',
  'residence-permit',
  'ba-approval',
] as const;
export type StatStep = (typeof STAT_STEPS)[number];

/**
 * The deadlines that run until the decision (src/domain/journey/deadlines.ts): recognition from the complete file
 * (§ 6(3) BQFG, § 14a BQFG under § 81a), the BA's deemed approval (§ 36(2) BeschV), the visa decision under § 81a
 * (§ 31a AufenthV). The recognition body's receipt deadline and the visa appointment's are not decision deadlines.
 */
export const DECISION_DEADLINES = ['recognition-decision', 'ba-approval-deemed', 'visa-decision'] as const;

/** The steps for which the law sets a decision deadline at all (else the share does not apply). */
export const STEPS_WITH_DEADLINE: readonly StatStep[] = ['recognition', 'visa-decision', 'ba-approval'];

const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

/** The refresh: every row of the rollup from the events, in one statement (after the old rows are deleted). */
const REFRESH = sql`
insert into statistics_rollup
  (week, state_code, step, filed, decided, withdrawn, with_deadline, within_deadline, durations)
with org_state as (
  select o.id,
         coalesce(o.seat_state_code, (
           select coalesce(j.state_code, d.state_code)
             from organisation_jurisdiction j left join district d on d.ags = j.district_ags
            where j.organisation_id = o.id and coalesce(j.state_code, d.state_code) is not null
            order by 1 limit 1)) as state_code
    from organisation o
), journey_state as (
  -- Where the person goes: the state of the journey's foreigners' office (or of any step owner in the six).
  select distinct on (s.journey_id) s.journey_id, os.state_code
    from journey_step s join org_state os on os.id = s.owner_id
   where os.state_code in (${list(STATE_CODES)})
   order by s.journey_id,
            case s.kind when 'residence-permit' then 0 when 'accelerated-procedure' then 1 else 2 end, s.kind
), cases as (
  select coalesce(os.state_code, js.state_code) as state_code, s.kind,
         case when s.deadline_rule in (${list(DECISION_DEADLINES)}) then s.deadline_due_at end as due,
         (min(e.at) filter (where e.type = 'step-submitted') at time zone 'Europe/Berlin')::date as filed,
         (max(e.at) filter (where e.type = 'step-decided') at time zone 'Europe/Berlin')::date as decided,
         (max(e.at) filter (where e.type = 'step-withdrawn') at time zone 'Europe/Berlin')::date as withdrawn
    from journey_step s
    join org_state os on os.id = s.owner_id
    left join journey_state js on js.journey_id = s.journey_id
    join journey_event e on e.journey_id = s.journey_id and e.payload->>'step' = s.kind
   where s.kind in (${list(STAT_STEPS)})
     and coalesce(os.state_code, js.state_code) in (${list(STATE_CODES)})
     and e.type in ('step-submitted', 'step-decided', 'step-withdrawn')
   group by 1, s.journey_id, s.kind, s.deadline_rule, s.deadline_due_at
), facts as (
  select state_code, kind, filed as day, 1 as filed, 0 as decided, 0 as withdrawn,
         0 as with_deadline, 0 as within_deadline, null::int as days
    from cases where filed is not null
  union all
  select state_code, kind, decided, 0, 1, 0, (due is not null)::int, coalesce((decided <= due)::int, 0), decided - filed
    from cases where filed is not null and decided is not null
  union all
  select state_code, kind, withdrawn, 0, 0, 1, 0, 0, null
    from cases where filed is not null and decided is null and withdrawn is not null
), per_days as (
  select date_trunc('week', day)::date as week, state_code, kind, days,
         sum(filed) as filed, sum(decided) as decided, sum(withdrawn) as withdrawn,
         sum(with_deadline) as with_deadline, sum(within_deadline) as within_deadline
    from facts group by 1, 2, 3, 4
)
select week, state_code, kind, sum(filed), sum(decided), sum(withdrawn), sum(with_deadline), sum(within_deadline),
       coalesce(jsonb_object_agg(days::text, decided) filter (where days is not null and decided > 0),
                '{}'::jsonb)
  from per_days group by 1, 2, 3`;

/**
 * Refreshes the whole rollup as of `now` (one transaction); returns the number of rows written. At a million
 * journeys the aggregate takes longer than a request may (40–65 s): it runs without the requests' statement timeout.
 */
export async function refreshRollup(db: Database, now: Date): Promise<{ asOf: IsoDate; rows: number }> {
  const asOf = momentOf(now.toISOString()).date;
  return withoutStatementTimeout(db, async (tx) => {
    await tx.execute(sql`delete from statistics_rollup`);
    await tx.execute(REFRESH);
    const [count] = await queryRows<{ n: number; cases: number }>(
      tx,
      sql`select count(*)::int as n, coalesce(sum(filed), 0)::int as cases from statistics_rollup`,
    );
    const run = { id: 1, asOf, computedAt: now, cases: count?.cases ?? 0 };
    await tx
      .insert(statisticsRollupRun)
      .values(run)
      .onConflictDoUpdate({
        target: statisticsRollupRun.id,
        set: { asOf, computedAt: now, cases: run.cases },
      });
    return { asOf, rows: count?.n ?? 0 };
  });
}
