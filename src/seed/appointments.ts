/**
 * Demo appointments (`seed --demo`, and the first start on the embedded database): the missions and foreigners'
 * offices that own the demo journeys' appointment steps publish a weekly plan; demo people whose visa appointment
 * step is filed have requests, their documents checked, and one allocation run offers them slots by the published
 * rule; the first of them has accepted. Passport numbers are demo values (`DEMO…`), stored only as their keyed hash.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '../domain/calendar.ts';
import { momentOf } from '../domain/journey/index.ts';
import type { PathwayId } from '../domain/law/index.ts';
import {
  appointmentService,
  createAppointmentsService,
  officeStaff,
} from '../features/appointments/index.ts';
import {
  createChecklistService,
  type DocumentStorage,
  shareDemoDocuments,
} from '../features/documents/index.ts';
import { journey, journeyStep } from '../features/journey/index.ts';
import { organisation } from '../features/people/index.ts';
import type { Database } from '../platform/db/client.ts';

/** Time zones of the demo missions' countries (the others keep German time). */
const MISSION_TIME_ZONES: Readonly<Record<string, string>> = {
  IN: 'Asia/Kolkata',
  VN: 'Asia/Ho_Chi_Minh',
  PH: 'Asia/Manila',
  ID: 'Asia/Jakarta',
  TR: 'Europe/Istanbul',
  EG: 'Africa/Cairo',
  MA: 'Africa/Casablanca',
  TN: 'Africa/Tunis',
  BR: 'America/Sao_Paulo',
  MX: 'America/Mexico_City',
  CO: 'America/Bogota',
  UA: 'Europe/Kyiv',
  RS: 'Europe/Belgrade',
  BA: 'Europe/Sarajevo',
  AL: 'Europe/Tirane',
  XK: 'Europe/Belgrade',
  MK: 'Europe/Skopje',
};

export async function seedAppointmentDemo(
  db: Database,
  platformSecret: string,
  storage: DocumentStorage,
  now: Date = new Date(),
) {
  const [any] = await db.select({ id: appointmentService.organisationId }).from(appointmentService).limit(1);
  if (any) return 0;
  const today = momentOf(now.toISOString()).date;
  const owners = await db
    .selectDistinct({
      id: organisation.id,
      kind: organisation.kind,
      country: organisation.seatCountryCode,
      step: journeyStep.kind,
    })
    .from(journeyStep)
    .innerJoin(organisation, eq(organisation.id, journeyStep.ownerId))
    .where(inArray(journeyStep.kind, ['visa-appointment', 'residence-permit']));
  const checklists = createChecklistService(db);
  const appointments = createAppointmentsService(db, platformSecret, undefined, checklists);
  const staff = (organisationId: string, role: string) => ({ personId: '', role, organisationId });
  let points = 0;
  for (const o of owners) {
    const mission = o.step === 'visa-appointment' && o.kind === 'mission';
    const office = o.step === 'residence-permit' && o.kind.includes('foreigners-office');
    if (!mission && !office) continue;
    await db.transaction(async (tx) => {
      const values = {
        organisationId: o.id,
        serviceType: mission ? 'visa-application' : 'residence-permit',
        slotMinutes: mission ? 20 : 30,
        targetWeeks: mission ? 6 : 4,
        weekdaySlots: mission ? [6, 6, 6, 6, 4] : [4, 4, 0, 6, 2],
        firstStart: mission ? '08:30' : '09:00',
        timeZone: mission ? (MISSION_TIME_ZONES[o.country ?? ''] ?? 'Europe/Berlin') : 'Europe/Berlin',
        active: 1,
        updatedAt: now,
      };
      await tx.insert(appointmentService).values(values).onConflictDoNothing();
    });
    await appointments.calendar.saveClosure(
      staff(o.id, mission ? 'mission-officer' : 'foreigners-office-caseworker'),
      mission ? 'visa-application' : 'residence-permit',
      addDays(today, 9),
      0,
      mission ? 'Nationaler Feiertag' : 'Personalversammlung',
      now,
      today,
    );
    points++;
  }
  // People whose visa appointment step is filed at a mission with a calendar ask for the appointment.
  const waiting = await db
    .select({
      personId: journey.applicantId,
      journeyId: journey.id,
      pathway: journey.pathway,
      owner: journeyStep.ownerId,
    })
    .from(journeyStep)
    .innerJoin(journey, eq(journey.id, journeyStep.journeyId))
    .where(and(eq(journeyStep.kind, 'visa-appointment'), eq(journeyStep.status, 'submitted')));
  let n = 0;
  for (const w of waiting) {
    if (!w.owner || !(await appointments.requests.offers(w.owner, 'visa-application'))) continue;
    n++;
    const row = await appointments.requests.create(
      {
        personId: w.personId,
        journeyId: w.journeyId,
        organisationId: w.owner,
        serviceType: 'visa-application',
        passportNumber: `DEMO${String(n).padStart(6, '0')}`,
        nationality: 'IN',
        birthDate: '1994-05-14',
        priorityClass: 'standard',
        deadline: null,
        acceptsEarlierSlots: true,
        shortNoticeOk: n % 2 === 0,
      },
      now,
    );
    const officer = staff(w.owner, 'mission-officer');
    if (n % 3 !== 0) {
      // The person shares what the standard checklist of the step requires; then the mission checks.
      const checklist = await checklists.current('visa-appointment', w.pathway as PathwayId);
      const required = checklist.items.filter((i) => i.required).map((i) => i.category);
      await shareDemoDocuments(db, storage, w.personId, w.owner, required, now);
      await appointments.requests.documentsChecked(officer, row.id, now, today);
    }
    if (n === 1) {
      const person = { personId: w.personId, role: 'applicant', organisationId: null };
      await appointments.requests.accept(person, row.id, now, today);
    }
  }
  return points;
}

/** Kinds of office that keep staff numbers (the workload page's offices). */
const STAFFED_KINDS = [
  'foreigners-office',
  'central-foreigners-office',
  'recognition-authority',
  'mission',
] as const;

/**
 * Demo staff numbers (`seed --demo`, first start): every office that owns a demo journey's step has two entries,
 * one from half a year ago and a change from the first of this month, so the workload page shows cases per
 * full-time caseworker with a history and the staffing calculator is filled in. Once only.
 */
export async function seedStaffDemo(db: Database, now: Date = new Date()) {
  const [any] = await db.select({ id: officeStaff.id }).from(officeStaff).limit(1);
  if (any) return 0;
  const today = momentOf(now.toISOString()).date;
  const offices = await db
    .selectDistinct({ id: organisation.id })
    .from(journeyStep)
    .innerJoin(organisation, eq(organisation.id, journeyStep.ownerId))
    .where(inArray(organisation.kind, [...STAFFED_KINDS]));
  const rows = offices.flatMap((o, i) => {
    const fte = 3 + ((i * 7) % 17) / 2;
    return [
      { organisationId: o.id, fte, effectiveFrom: addDays(today, -182), recordedAt: now },
      { organisationId: o.id, fte: fte + 1.5, effectiveFrom: `${today.slice(0, 8)}01`, recordedAt: now },
    ];
  });
  if (rows.length > 0) await db.insert(officeStaff).values(rows);
  return offices.length;
}
