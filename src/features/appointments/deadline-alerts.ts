/**
 * Open § 81a deadline alerts per office (memo § 5.6: any makes the office red): the steps the journey's deadline
 * job raises an alert for (src/features/journey/jobs.ts: a running clock, not paused, due within the near-breach
 * days or past, the step still in the office's queue) of journeys in the accelerated procedure (started, and
 * neither withdrawn nor refused, as `inAcceleratedProcedure`).
 */
import { sql } from 'drizzle-orm';
import { addDays, type IsoDate } from '../../domain/calendar.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { QUEUE_STATUSES } from '../journey/index.ts';

export async function openAcceleratedAlerts(
  db: DbOrTx,
  organisationIds: readonly string[],
  asOf: IsoDate,
  nearBreachDays: number,
): Promise<Map<string, number>> {
  if (organisationIds.length === 0) return new Map();
  const list = (values: readonly string[], cast = '') =>
    sql.join(
      values.map((v) => sql`${v}${sql.raw(cast)}`),
      sql`, `,
    );
  const rows = await queryRows<{ owner_id: string; n: number }>(
    db,
    sql`
    select s.owner_id, count(*)::int as n
      from journey_step s
      join journey j on j.id = s.journey_id
     where s.owner_id in (${list(organisationIds, '::uuid')})
       and s.due_at is not null and s.due_at <= ${addDays(asOf, nearBreachDays)}::date
       and s.paused_since is null
       and s.status in (${list(QUEUE_STATUSES)})
       and jsonb_typeof(j.state->'acceleratedProcedure') = 'object'
       and not exists (
         select 1 from journey_step a
          where a.journey_id = s.journey_id and a.kind = 'accelerated-procedure'
            and (a.status = 'withdrawn' or (a.status = 'decided' and a.outcome = 'negative')))
     group by s.owner_id`,
  );
  return new Map(rows.map((r) => [r.owner_id, Number(r.n)]));
}
