/**
 * Demo job fairs (`seed --demo`, issue 16, V4): two online fairs organised by Saxony and Thuringia (both agreed)
 * with the Leipzig care service and three demo employers as exhibitors (one still waiting for an answer), two
 * talks each, 20-minute meeting slots and bookings by Priya and the talent pool's demo people. The fair in three
 * weeks has open and booked slots; the fair six weeks ago has its meetings recorded (came or not, the outcome),
 * so that the figures show something true. Idempotent: nothing when a fair exists or the demos it builds on do not.
 */
import { count, eq, like } from 'drizzle-orm';
import { addDays } from '../domain/calendar.ts';
import { localToUtc } from '../domain/capacity/slots.ts';
import {
  fair,
  fairBooking,
  fairExhibitor,
  fairRegistration,
  fairSession,
  fairSlot,
  fairState,
} from '../features/fairs/index.ts';
import { todayIso } from '../features/jobs/index.ts';
import { findOrganisationBySlug, person } from '../features/people/index.ts';
import type { Database, DbOrTx } from '../platform/db/client.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';

const EXHIBITORS = ['demo-pflege-leipzig', 'demo-klinikum-chemnitz', 'demo-metallbau-erfurt'] as const;
const WAITING = 'demo-optik-jena';
const PLACES = [
  { country: 'IN', zone: 'Asia/Kolkata' },
  { country: 'PH', zone: 'Asia/Manila' },
  { country: 'VN', zone: 'Asia/Ho_Chi_Minh' },
  { country: 'TN', zone: 'Africa/Tunis' },
  { country: 'BR', zone: 'America/Sao_Paulo' },
] as const;
const OUTCOMES = ['interested', 'offer', 'no-fit', 'interested', null] as const;

type Ids = { exhibitors: string[]; waiting: string | null; officer: string | null; people: string[] };

async function oneFair(
  tx: DbOrTx,
  ids: Ids,
  o: { title: string; description: string; startsOn: string; past: boolean },
  now: Date,
): Promise<number> {
  const [f] = await tx
    .insert(fair)
    .values({
      title: o.title,
      description: o.description,
      startsOn: o.startsOn,
      endsOn: addDays(o.startsOn, 1),
      timeZone: 'Europe/Berlin',
      countries: PLACES.map((p) => p.country),
      occupations: ['81302', '43104', '43414'],
      createdBy: ids.officer,
      createdAt: now,
    })
    .returning({ id: fair.id });
  if (!f) return 0;
  const answeredAt = new Date(now.getTime() - 86_400_000);
  await tx.insert(fairState).values([
    { fairId: f.id, stateCode: 'SN', answer: 'agreed', answeredBy: ids.officer, answeredAt },
    { fairId: f.id, stateCode: 'TH', answer: 'agreed', answeredAt },
  ]);
  await tx.insert(fairExhibitor).values([
    ...ids.exhibitors.map((organisationId) => ({
      fairId: f.id,
      organisationId,
      status: 'approved' as const,
      appliedAt: answeredAt,
      decidedBy: ids.officer,
      decidedAt: answeredAt,
    })),
    ...(ids.waiting ? [{ fairId: f.id, organisationId: ids.waiting, appliedAt: answeredAt }] : []),
  ]);
  const at = (minutes: number) => new Date(localToUtc(o.startsOn, minutes, 'Europe/Berlin'));
  await tx.insert(fairSession).values([
    {
      fairId: f.id,
      title: 'Arbeiten in Sachsen und Thüringen: der Weg in zehn Schritten',
      link: 'https://example.org/demo-talk-1',
      capacity: 500,
      startsAt: at(8 * 60),
      endsAt: at(8 * 60 + 45),
    },
    {
      fairId: f.id,
      title: 'Anerkennung in der Pflege: was Sie mitbringen',
      link: 'https://example.org/demo-talk-2',
      capacity: 300,
      startsAt: at(12 * 60),
      endsAt: at(12 * 60 + 45),
    },
  ]);
  const slots = await tx
    .insert(fairSlot)
    .values(
      ids.exhibitors.flatMap((organisationId) =>
        Array.from({ length: 6 }, (_, i) => ({
          fairId: f.id,
          organisationId,
          startsAt: at(9 * 60 + i * 20),
          minutes: 20,
          createdAt: now,
        })),
      ),
    )
    .returning({ id: fairSlot.id });
  await tx.insert(fairRegistration).values(
    ids.people.map((personId, i) => ({
      fairId: f.id,
      personId,
      timeZone: (PLACES[i % PLACES.length] as (typeof PLACES)[number]).zone,
      countryCode: (PLACES[i % PLACES.length] as (typeof PLACES)[number]).country,
      registeredAt: now,
    })),
  );
  // Every other slot booked, by the registered people in turn (Priya first).
  const booked = slots.filter((_, i) => i % 3 !== 2).slice(0, ids.people.length);
  await tx.insert(fairBooking).values(
    booked.map((s, i) => {
      const outcome = OUTCOMES[i % OUTCOMES.length] ?? null;
      const noShow = o.past && i % 7 === 6;
      return {
        slotId: s.id,
        fairId: f.id,
        personId: ids.people[i] as string,
        bookedAt: now,
        ...(o.past
          ? {
              attendance: noShow ? ('no-show' as const) : ('attended' as const),
              outcome: noShow ? null : outcome,
              recordedAt: now,
            }
          : {}),
      };
    }),
  );
  return booked.length;
}

export async function seedFairsDemo(db: Database, now = new Date()): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(fair);
  if ((existing?.n ?? 0) > 0) return 0;
  const exhibitors: string[] = [];
  for (const slug of EXHIBITORS) {
    const o = await findOrganisationBySlug(db, slug);
    if (o) exhibitors.push(o.id);
  }
  if (exhibitors.length < EXHIBITORS.length) return 0;
  const [officer] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `ministerium@${DEMO_DOMAIN}`));
  const [priya] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `antragstellerin@${DEMO_DOMAIN}`));
  if (!priya) return 0;
  const talents = await db
    .select({ id: person.id, email: person.email })
    .from(person)
    .where(like(person.email, `talent-%@${DEMO_DOMAIN}`));
  const people = [
    priya.id,
    ...talents
      .sort((a, b) => a.email.localeCompare(b.email))
      .slice(0, 11)
      .map((t) => t.id),
  ];
  const waiting = (await findOrganisationBySlug(db, WAITING))?.id ?? null;
  const ids: Ids = { exhibitors, waiting, officer: officer?.id ?? null, people };
  const today = todayIso(now);
  return db.transaction(async (tx) => {
    const soon = await oneFair(
      tx,
      ids,
      {
        title: 'Pflege, Technik, Handwerk: Online-Jobmesse Sachsen und Thüringen',
        description:
          'Zwei Länder und ihre Arbeitgeber stellen sich vor. Vorträge und Gespräche unter vier Augen.',
        startsOn: addDays(today, 21),
        past: false,
      },
      now,
    );
    const past = await oneFair(
      tx,
      ids,
      {
        title: 'Winter-Jobmesse Sachsen und Thüringen (online)',
        description: 'Die erste gemeinsame Online-Messe der beiden Länder.',
        startsOn: addDays(today, -42),
        past: true,
      },
      now,
    );
    return soon + past;
  });
}
