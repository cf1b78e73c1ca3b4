/**
 * The hand-off of an offer made at a fair into the platform (issue 16, V4): one click of the exhibitor creates the
 * candidate's journey with the job's facts (occupation, place, the pathway the ad opens, whether the employer uses
 * § 81a) and the employer invited, ready for § 81a. The candidate consented by booking (the booking page says
 * so). The journey feature's own commands run as the candidate, whose journey it is (`open-journey`, then
 * `invite-employer`), in ONE transaction with the booking's mark and the exhibitor's audit entry: all or nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, decideFor } from '../../domain/access/policy.ts';
import { stateOfDistrict } from '../../domain/journey/index.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { jobAd, occupationFacts } from '../jobs/index.ts';
import { auditActor } from '../joint-projects/index.ts';
import { JourneyRefusal, type JourneyService } from '../journey/index.ts';
import { membershipsOf } from '../people/index.ts';
import { bookingRelations } from './access.ts';
import { registrationOf } from './booking.ts';
import { UUID } from './read.ts';
import { fairBooking } from './schema.ts';
import { bookingById } from './stand.ts';

export type HandOffResult =
  | { kind: 'ok'; journeyId: string }
  | { kind: 'not-found' }
  | { kind: 'refused'; field: string; rule: string };

/** Thrown inside the transaction when another click handed the booking off first (undoes the journey). */
class AlreadyHandedOff extends Error {}

const ACADEMIC = new Set(['aufenthg-18b', 'aufenthg-18g', 'aufenthg-18g-it']);

export async function handOff(
  db: Database,
  journeys: JourneyService,
  actor: Actor,
  input: { bookingId: string; adId: string },
  now: Date,
): Promise<HandOffResult> {
  const b = await bookingById(db, input.bookingId);
  if (!b) return { kind: 'not-found' };
  const candidate = b.booking.personId;
  const d = decideFor(actor, 'update', 'fair-booking', (m) =>
    bookingRelations(actor, m, { personId: candidate, organisationId: b.organisationId }),
  );
  const e = {
    ...auditActor(actor, d.allow ? d.membership : undefined),
    action: 'create',
    objectType: 'fair-booking',
    objectId: b.booking.id,
    purpose: 'fair: hand an offer off into a journey',
    subjectPersonId: candidate,
  };
  if (!d.allow || d.membership?.organisationId !== b.organisationId) {
    await appendAudit(db, { ...e, result: 'denied' }, now);
    return { kind: 'not-found' };
  }
  const refuse = async (field: string, rule: string) => {
    await appendAudit(db, { ...e, result: 'failure' }, now);
    return { kind: 'refused', field, rule } as const;
  };
  if (b.booking.outcome !== 'offer') return refuse('outcome', 'offer');
  if (b.booking.journeyId !== null) return refuse('booking', 'handed-off');
  const [ad] = UUID.test(input.adId)
    ? await db
        .select()
        .from(jobAd)
        .where(
          and(
            eq(jobAd.id, input.adId),
            eq(jobAd.employerId, b.organisationId),
            eq(jobAd.status, 'published'),
          ),
        )
    : [];
  if (!ad) return refuse('ad', 'exists');
  const occ = await occupationFacts(db, ad.occupationKldb);
  const registration = await registrationOf(db, b.booking.fairId, candidate);
  const pathway =
    ad.pathways.find((p) => p.outcome === 'eligible')?.pathway ?? ad.pathways[0]?.pathway ?? 'aufenthg-18a';
  const applicant: Actor = { personId: candidate, memberships: await membershipsOf(db, candidate) };
  const facts = {
    pathway,
    qualification: {
      kind: ACADEMIC.has(pathway) ? ('academic' as const) : ('vocational' as const),
      regulation: occ?.regulated ? ('federal' as const) : ('not-regulated' as const),
    },
    employerUses81a: ad.willingAccelerated,
    location: 'abroad' as const,
  };
  const place = {
    stateCode: stateOfDistrict(ad.districtAgs),
    districtAgs: ad.districtAgs,
    countryCode: registration?.countryCode ?? null,
  };
  try {
    const opened = await journeys.openThen(
      applicant,
      { facts, occupation: occ?.titleDe ?? null, place },
      [{ type: 'invite-employer', employerId: b.organisationId }],
      async (tx, journeyId, at) => {
        const [marked] = await tx
          .update(fairBooking)
          .set({ journeyId, handedOffAt: at, handedOffBy: actor.personId })
          .where(and(eq(fairBooking.id, b.booking.id), isNull(fairBooking.journeyId)))
          .returning({ id: fairBooking.id });
        if (!marked) throw new AlreadyHandedOff();
        await appendAudit(tx, { ...e, purpose: `${e.purpose} ${journeyId}`, result: 'success' }, at);
      },
    );
    return { kind: 'ok', journeyId: opened.body.journeyId };
  } catch (error) {
    if (error instanceof AlreadyHandedOff) return refuse('booking', 'handed-off');
    if (error instanceof JourneyRefusal) return refuse('journey', error.refusal.code);
    if (error instanceof AppError) return refuse('journey', 'applicant');
    throw error;
  }
}
