/**
 * Rows of the appointments feature for service-level tests: a service point with its calendar, an applicant with
 * a journey, slots and requests in any state — written directly, with the clock of the test.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  appointmentRequest,
  appointmentService,
  appointmentSlot,
  type RequestState,
  type SlotState,
} from '../../src/features/appointments/schema.ts';
import { document, documentShare } from '../../src/features/documents/schema.ts';
import { journey } from '../../src/features/journey/index.ts';
import { consent, organisation, person } from '../../src/features/people/index.ts';
import type { Database } from '../../src/platform/db/client.ts';

/** A mission giving visa appointments; no weekly slots unless given (the test makes its own). */
export async function seedServicePoint(
  db: Database,
  o: {
    slug: string;
    name: string;
    at: Date;
    timeZone?: string;
    weekdaySlots?: number[];
    kind?: 'mission' | 'counselling-centre' | 'foreigners-office';
  },
): Promise<string> {
  const [org] = await db
    .insert(organisation)
    .values({ slug: o.slug, name: o.name, kind: o.kind ?? 'mission' })
    .returning({ id: organisation.id });
  if (!org) throw new Error('setup');
  await db.insert(appointmentService).values({
    organisationId: org.id,
    serviceType: 'visa-application',
    slotMinutes: 20,
    targetWeeks: 4,
    weekdaySlots: o.weekdaySlots ?? [0, 0, 0, 0, 0],
    firstStart: '09:30',
    timeZone: o.timeZone ?? 'Europe/Berlin',
    updatedAt: o.at,
  });
  return org.id;
}

/** A person with an open journey. */
export async function seedApplicant(db: Database, email: string, at: Date) {
  const [p] = await db
    .insert(person)
    .values({ email, displayName: email.split('@')[0] ?? email })
    .returning({ id: person.id });
  if (!p) throw new Error('setup');
  const journeyId = randomUUID();
  await db.insert(journey).values({
    id: journeyId,
    applicantId: p.id,
    pathway: 'aufenthg-18a',
    status: 'open',
    version: 1,
    state: {} as never,
    openedAt: at,
    updatedAt: at,
  });
  return { personId: p.id, journeyId };
}

/** A request of the applicant at the service point, holding a new slot at `startsAt` when given. */
export async function seedRequest(
  db: Database,
  o: {
    organisationId: string;
    applicant: { personId: string; journeyId: string };
    state: RequestState;
    at: Date;
    startsAt?: Date;
    slotState?: SlotState;
    readyOn?: string;
    personKey?: string;
    priorityClass?: string;
    shortNoticeOk?: boolean;
    acceptsEarlierSlots?: boolean;
  },
): Promise<{ requestId: string; slotId: string | null }> {
  const requestId = randomUUID();
  let slotId: string | null = null;
  if (o.startsAt) {
    const [slot] = await db
      .insert(appointmentSlot)
      .values({
        organisationId: o.organisationId,
        serviceType: 'visa-application',
        startsAt: o.startsAt,
        day: o.startsAt.toISOString().slice(0, 10),
        state: o.slotState ?? 'booked',
        requestId,
      })
      .returning({ id: appointmentSlot.id });
    slotId = slot?.id ?? null;
  }
  await db.insert(appointmentRequest).values({
    id: requestId,
    personId: o.applicant.personId,
    journeyId: o.applicant.journeyId,
    organisationId: o.organisationId,
    serviceType: 'visa-application',
    personKey: o.personKey ?? randomUUID(),
    priorityClass: o.priorityClass ?? 'standard',
    ...(o.shortNoticeOk === undefined ? {} : { shortNoticeOk: o.shortNoticeOk ? 1 : 0 }),
    ...(o.acceptsEarlierSlots === undefined ? {} : { acceptsEarlierSlots: o.acceptsEarlierSlots ? 1 : 0 }),
    state: o.state,
    readyOn: o.readyOn ?? '2026-12-01',
    slotId,
    createdAt: o.at,
    updatedAt: o.at,
  });
  return { requestId, slotId };
}

/**
 * The person's documents of these categories (rows only, no bytes), shared by category with the organisation under
 * a consent: what the service point's ready check looks for (the step's standard checklist).
 */
export async function seedSharedDocuments(
  db: Database,
  o: { personId: string; organisationId: string; categories: readonly string[]; at: Date },
): Promise<void> {
  const [c] = await db
    .insert(consent)
    .values({ personId: o.personId, organisationId: o.organisationId, grantedAt: o.at })
    .returning({ id: consent.id });
  if (!c) throw new Error('setup');
  for (const category of o.categories) {
    await db.insert(document).values({
      id: randomUUID(),
      ownerPersonId: o.personId,
      storageKey: randomBytes(16).toString('hex'),
      fileName: `${category}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 100,
      sha256: randomBytes(32).toString('hex'),
      category,
      createdAt: o.at,
    });
    await db.insert(documentShare).values({
      ownerPersonId: o.personId,
      organisationId: o.organisationId,
      consentId: c.id,
      category,
      createdAt: o.at,
    });
  }
}
