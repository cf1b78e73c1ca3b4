/**
 * The allocation's own wait at a service point (issue 15): from the day its staff found a request's documents
 * complete (the request became ready) to the day of the appointment it got. A request counts as served on its
 * appointment day (attended, not attended, or agreed and the day has passed); one withdrawn or released without an
 * appointment leaves the queue on the day of that change; the others wait. The waiting-time pages forecast from
 * this history as from an office's journey steps (waiting.ts).
 */
import { sql } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import { momentOf } from '../../domain/journey/index.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { historyOfCases, type OfficeHistory, WINDOW_WEEKS } from './workload.ts';

type Row = {
  organisation_id: string;
  ready_on: string;
  state: string;
  changed: Date | string;
  slot_day: string | null;
};

const SERVED = new Set(['attended', 'no-show']);
const LEFT = new Set(['withdrawn', 'released']);

/** Whether an organisation has a service people request appointments for (an active one). */
export const HAS_APPOINTMENTS = sql`exists (select 1 from appointment_service a
   where a.organisation_id = o.id and a.active = 1)`;

/** The appointment histories of service points, keyed by organisation id (only those with a ready request). */
export async function appointmentHistories(
  db: DbOrTx,
  organisationIds: readonly string[],
  asOf: IsoDate,
  windowWeeks = WINDOW_WEEKS,
): Promise<Map<string, OfficeHistory>> {
  const out = new Map<string, OfficeHistory>();
  if (organisationIds.length === 0) return out;
  const ids = sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<Row>(
    db,
    sql`
    select r.organisation_id, r.ready_on::text as ready_on, r.state, r.updated_at as changed,
           s.day::text as slot_day
      from appointment_request r
      left join appointment_slot s on s.id = r.slot_id
     where r.organisation_id in (${ids}) and r.ready_on is not null`,
  );
  const byPoint = new Map<string, { filed: IsoDate; decided: IsoDate | null; withdrawn: IsoDate | null }[]>();
  for (const r of rows) {
    const day = r.slot_day as IsoDate | null;
    const served = day !== null && (SERVED.has(r.state) || (r.state === 'booked' && day <= asOf));
    const left = LEFT.has(r.state) ? momentOf(new Date(r.changed).toISOString()).date : null;
    const cases = byPoint.get(r.organisation_id) ?? [];
    cases.push({ filed: r.ready_on as IsoDate, decided: served ? day : null, withdrawn: left });
    byPoint.set(r.organisation_id, cases);
  }
  for (const [id, cases] of byPoint) out.set(id, historyOfCases(id, cases, asOf, windowWeeks));
  return out;
}
