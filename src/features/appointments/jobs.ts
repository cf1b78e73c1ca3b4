/**
 * The scheduled allocation (pg-boss, every 15 minutes): for every service point with an active calendar, offers
 * whose window ran out go back to the pool, agreed appointments not reconfirmed by their due time are released, the slots of the horizon are re-planned (a new day enters it) and the
 * ready requests get slots; then the reminders due are mailed (the week and two days before an appointment). Runs on demand happen in the request that changes something (a request becomes ready,
 * a slot is freed, the calendar changes); this job is the clock for the rest.
 */
import type { FastifyBaseLogger } from 'fastify';
import { momentOf } from '../../domain/journey/index.ts';
import type { Database } from '../../platform/db/client.ts';
import type { JobDefinition } from '../../platform/jobs/index.ts';
import { replanSlots } from './calendar.ts';
import type { AppointmentsService } from './service.ts';

export const ALLOCATION_JOB = 'appointments-allocation';

export async function runScheduledAllocation(
  db: Database,
  appointments: AppointmentsService,
  now: Date,
): Promise<{ points: number; offered: number; released: number; reminded: number }> {
  const today = momentOf(now.toISOString()).date;
  // Unconfirmed appointments at their due time first: each freed slot is offered again at once (the cascade).
  const released = await appointments.reconfirmation.releaseUnconfirmed(now, today);
  let offered = 0;
  const points = await appointments.activePoints();
  for (const p of points) {
    await db.transaction((tx) => replanSlots(tx, p.organisationId, p.serviceType, today));
    offered += (await appointments.requests.run(p.organisationId, p.serviceType, now, today, 'schedule'))
      .offered;
  }
  const reminded = await appointments.remind(now);
  return { points: points.length, offered, released, reminded };
}

export function appointmentJobs(
  db: Database,
  appointments: AppointmentsService,
  now: () => Date,
  log: FastifyBaseLogger,
): JobDefinition[] {
  return [
    {
      name: ALLOCATION_JOB,
      cron: '*/15 * * * *',
      handler: async () => {
        const result = await runScheduledAllocation(db, appointments, now());
        log.info(result, 'appointment allocation ran');
      },
    },
  ];
}
