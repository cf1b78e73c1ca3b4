/**
 * The capacity calendar of a service point from a CSV file (issue 20): the dry run against the calendar as it is
 * (src/domain/capacity/calendar-csv.ts), and "apply", which writes every row of a file without problems in one
 * transaction — the weekly plan, the days of less capacity, the re-planned slots and one audit entry per service —
 * or nothing at all.
 */
import { and, eq, gte } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar.ts';
import {
  CALENDAR_COLUMNS,
  CALENDAR_LIMITS,
  type CalendarChange,
  calendarImportReport,
} from '../../domain/capacity/calendar-csv.ts';
import { type ImportReport, readCsvTable, reportOk } from '../../domain/interop/csv-table.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Translator } from '../../platform/i18n/index.ts';
import { replanSlots, type Staff } from './calendar.ts';
import { appointmentClosure, appointmentService, type ServiceType } from './schema.ts';

/** Every name a file may give a service type: the short and the full name in German and English. */
export function serviceNames(translators: readonly Translator[], types: readonly ServiceType[]) {
  const names = new Map<string, string>();
  for (const type of types)
    for (const t of translators)
      for (const key of [`appointments.import.service.${type}`, `appointments.service.${type}`])
        names.set(t.t(key).toLocaleLowerCase('de'), type);
  return names;
}

/** The dry run of a calendar file for the staff member's service point: nothing is written. */
export async function checkCalendarFile(
  db: Database,
  organisationId: string,
  types: readonly ServiceType[],
  names: ReadonlyMap<string, string>,
  bytes: Uint8Array,
  today: IsoDate,
): Promise<ImportReport<CalendarChange>> {
  const table = readCsvTable(bytes, CALENDAR_COLUMNS, CALENDAR_LIMITS);
  if (!table.ok)
    return calendarImportReport(table, {
      serviceNames: names,
      offered: types,
      weekly: new Map(),
      days: new Map(),
      today,
    });
  const services = await db
    .select({ type: appointmentService.serviceType, weekdaySlots: appointmentService.weekdaySlots })
    .from(appointmentService)
    .where(eq(appointmentService.organisationId, organisationId));
  const closures = await db
    .select({
      type: appointmentClosure.serviceType,
      day: appointmentClosure.day,
      slots: appointmentClosure.slots,
      reason: appointmentClosure.reason,
    })
    .from(appointmentClosure)
    .where(and(eq(appointmentClosure.organisationId, organisationId), gte(appointmentClosure.day, today)));
  return calendarImportReport(table, {
    serviceNames: names,
    offered: types,
    weekly: new Map(services.map((s) => [s.type, s.weekdaySlots])),
    days: new Map(closures.map((c) => [`${c.type}|${c.day}`, { slots: c.slots, reason: c.reason }])),
    today,
  });
}

/**
 * Writes the rows of a report without problems in one transaction, audited per service type; returns the service
 * types whose calendar changed (the caller runs their allocation). A report with a problem writes nothing.
 */
export async function applyCalendarReport(
  db: Database,
  staff: Staff,
  report: ImportReport<CalendarChange>,
  now: Date,
  today: IsoDate,
): Promise<ServiceType[]> {
  if (!reportOk(report)) throw new Error('a calendar file with problems is never applied');
  const changes = report.rows.flatMap((r) =>
    r.outcome === 'changed' || r.outcome === 'new' ? [r.change] : [],
  );
  const types = [...new Set(changes.map((c) => c.service as ServiceType))];
  if (types.length === 0) return [];
  const org = staff.organisationId;
  await db.transaction(async (tx) => {
    for (const type of types) {
      const mine = changes.filter((c) => c.service === type);
      const weekly = mine.filter((c) => c.kind === 'weekday');
      if (weekly.length > 0) {
        const key = and(eq(appointmentService.organisationId, org), eq(appointmentService.serviceType, type));
        const [row] = await tx.select().from(appointmentService).where(key).for('update');
        if (!row)
          throw new AppError('conflict', {
            detail: 'The weekly plan of this service is gone since the check; nothing was written.',
            errors: [{ field: 'body.csv', rule: 'not-set-up', message: 'the weekly plan is not set up' }],
          });
        const slots = [...row.weekdaySlots];
        for (const c of weekly) slots[c.weekday] = c.slots;
        await tx.update(appointmentService).set({ weekdaySlots: slots, updatedAt: now }).where(key);
      }
      for (const c of mine) {
        if (c.kind !== 'day') continue;
        const key = and(
          eq(appointmentClosure.organisationId, org),
          eq(appointmentClosure.serviceType, type),
          eq(appointmentClosure.day, c.day),
        );
        if (c.slots === null) await tx.delete(appointmentClosure).where(key);
        else
          await tx
            .insert(appointmentClosure)
            .values({
              organisationId: org,
              serviceType: type,
              day: c.day,
              slots: c.slots,
              reason: c.reason,
              updatedAt: now,
            })
            .onConflictDoUpdate({
              target: [
                appointmentClosure.organisationId,
                appointmentClosure.serviceType,
                appointmentClosure.day,
              ],
              set: { slots: c.slots, reason: c.reason, updatedAt: now },
            });
      }
      await appendAudit(
        tx,
        {
          actorPersonId: staff.personId || null,
          actorRole: staff.role,
          actorOrganisationId: org,
          action: 'import',
          objectType: 'appointment-calendar',
          objectId: `${org}/${type}`,
          subjectPersonId: null,
          purpose: `appointment capacity: ${mine.length} rows from a CSV file`,
          result: 'success',
        },
        now,
      );
      await replanSlots(tx, org, type, today);
    }
  });
  return types;
}
