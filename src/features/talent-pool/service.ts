/**
 * The talent pool (issue 16, V4): the applicant's profile (joined, changed, withdrawn: each one transaction with its
 * audit entry), the search of readers over released facts (every row read audited about the applicant, with the
 * reader's organisation), and contact requests the applicant answers. Readers come from reader.ts.
 */
import { randomInt } from 'node:crypto';
import { and, arrayOverlaps, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import {
  matches,
  type PoolField,
  type PoolFilter,
  type PoolProfileInput,
  type QualificationLevel,
  type RecognitionState,
  type ReleasedProfile,
  releasedView,
} from '../../domain/talent-pool/profile.ts';
import { type AuditEvent, appendAudit, appendAuditMany } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { jobAd } from '../jobs/index.ts';
import { organisation, person } from '../people/index.ts';
import { type Reader, readerAudit } from './reader.ts';
import { type ContactAnswer, poolContactRequest, poolProfile } from './schema.ts';

type ProfileRow = typeof poolProfile.$inferSelect;
/** At most this many profiles answer one search (the reader narrows with the filters). */
export const SEARCH_LIMIT = 50;
const LABEL_ALPHABET = 'ACDEFGHJKLMNPQRTUVWXY34679';

const own = (actor: Actor) => ({
  actorPersonId: actor.personId,
  actorRole: 'applicant',
  actorOrganisationId: null,
  subjectPersonId: actor.personId,
});

export function asInput(row: ProfileRow): PoolProfileInput {
  return {
    occupationKldb: row.occupationKldb,
    qualification: row.qualification as QualificationLevel,
    recognition: row.recognition as RecognitionState,
    languages: row.languages,
    availableFrom: row.availableFrom,
    preferredStates: row.preferredStates,
    poolStates: row.poolStates,
    released: row.released as PoolField[],
  };
}

export async function profileOf(db: DbOrTx, personId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(poolProfile).where(eq(poolProfile.personId, personId)).limit(1);
  return row;
}

const newLabel = () =>
  Array.from({ length: 6 }, () => LABEL_ALPHABET[randomInt(LABEL_ALPHABET.length)]).join('');

/** Joins the pool or changes the profile; the label stays for the profile's life. */
export async function saveProfile(db: Database, actor: Actor, input: PoolProfileInput, now: Date) {
  await db.transaction(async (tx) => {
    const existing = await profileOf(tx, actor.personId);
    const values = { ...input, updatedAt: now };
    if (existing) await tx.update(poolProfile).set(values).where(eq(poolProfile.id, existing.id));
    else
      await tx
        .insert(poolProfile)
        .values({ ...values, personId: actor.personId, label: newLabel(), createdAt: now })
        // A second tab's join at the same moment: one profile, the later facts.
        .onConflictDoUpdate({ target: poolProfile.personId, set: values });
    await appendAudit(
      tx,
      {
        ...own(actor),
        action: existing ? 'update' : 'create',
        objectType: 'pool-profile',
        objectId: existing?.id ?? null,
        purpose: 'talent pool own profile',
        result: 'success',
      },
      now,
    );
  });
}

/** Leaves the pool at once: the profile and the requests not yet answered are deleted. */
export async function withdrawProfile(db: Database, actor: Actor, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(poolProfile)
      .where(eq(poolProfile.personId, actor.personId))
      .returning({ id: poolProfile.id });
    if (deleted.length === 0) return false;
    await tx
      .delete(poolContactRequest)
      .where(
        and(eq(poolContactRequest.applicantPersonId, actor.personId), isNull(poolContactRequest.answer)),
      );
    const event = { action: 'withdraw', objectType: 'pool-profile', objectId: deleted[0]?.id ?? null };
    await appendAudit(
      tx,
      { ...own(actor), ...event, purpose: 'talent pool own profile', result: 'success' },
      now,
    );
    return true;
  });
}

export type PoolHit = { label: string; facts: ReleasedProfile };

/** The profiles in the reader's states that match, released facts only; each row read is audited. */
export async function searchPool(
  db: Database,
  actor: Actor,
  reader: Reader,
  filter: PoolFilter,
  now: Date,
  purpose = 'talent pool search',
): Promise<PoolHit[]> {
  const rows = await db
    .select()
    .from(poolProfile)
    .where(arrayOverlaps(poolProfile.poolStates, reader.states))
    .orderBy(desc(poolProfile.updatedAt), poolProfile.id);
  const hits = rows.filter((r) => matches(asInput(r), filter)).slice(0, SEARCH_LIMIT);
  const events: AuditEvent[] = hits.map((r) => ({
    ...readerAudit(actor, reader),
    action: 'read',
    objectType: 'pool-profile',
    objectId: r.id,
    subjectPersonId: r.personId,
    purpose,
    result: 'success',
  }));
  await appendAuditMany(db, events, now);
  return hits.map((r) => ({ label: r.label, facts: releasedView(asInput(r)) }));
}

/** A profile in the reader's pool by its label, or undefined. */
export async function profileByLabel(db: DbOrTx, reader: Reader, label: string) {
  if (!/^[A-Z0-9]{6}$/.test(label)) return undefined;
  const [row] = await db
    .select()
    .from(poolProfile)
    .where(and(eq(poolProfile.label, label), arrayOverlaps(poolProfile.poolStates, reader.states)))
    .limit(1);
  return row;
}

/** The employer's own ads a request may point to (none for a ministry). */
export async function adsOfReader(db: DbOrTx, reader: Reader) {
  if (reader.kind !== 'employer') return [];
  return db
    .select({ id: jobAd.id, titleDe: jobAd.titleDe, titleEn: jobAd.titleEn })
    .from(jobAd)
    .where(eq(jobAd.employerId, reader.organisationId))
    .orderBy(desc(jobAd.updatedAt));
}

export async function sendContact(
  db: Database,
  actor: Actor,
  reader: Reader,
  profile: ProfileRow,
  request: { message: string; jobAdId: string | null },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(poolContactRequest)
      .values({
        applicantPersonId: profile.personId,
        label: profile.label,
        requesterPersonId: actor.personId,
        requesterOrganisationId: reader.organisationId,
        ...request,
        createdAt: now,
      })
      .returning({ id: poolContactRequest.id });
    await appendAudit(
      tx,
      {
        ...readerAudit(actor, reader),
        action: 'create',
        objectType: 'pool-contact',
        objectId: row?.id ?? null,
        subjectPersonId: profile.personId,
        purpose: 'talent pool contact request',
        result: 'success',
      },
      now,
    );
  });
}

/** The applicant's contact requests, newest first, with who asked and for which ad. */
export async function requestsTo(db: DbOrTx, personId: string) {
  return db
    .select({
      id: poolContactRequest.id,
      organisation: organisation.name,
      message: poolContactRequest.message,
      adTitleDe: jobAd.titleDe,
      adTitleEn: jobAd.titleEn,
      adId: jobAd.id,
      createdAt: poolContactRequest.createdAt,
      answer: poolContactRequest.answer,
    })
    .from(poolContactRequest)
    .innerJoin(organisation, eq(organisation.id, poolContactRequest.requesterOrganisationId))
    .leftJoin(jobAd, eq(jobAd.id, poolContactRequest.jobAdId))
    .where(eq(poolContactRequest.applicantPersonId, personId))
    .orderBy(desc(poolContactRequest.createdAt));
}

/** Answers one of one's own open requests; false when there is none such. */
export async function answerRequest(
  db: Database,
  actor: Actor,
  id: string,
  answer: ContactAnswer,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(poolContactRequest)
      .set({ answer, answeredAt: now })
      .where(
        and(
          eq(poolContactRequest.id, id),
          eq(poolContactRequest.applicantPersonId, actor.personId),
          isNull(poolContactRequest.answer),
        ),
      )
      .returning({ id: poolContactRequest.id });
    if (updated.length === 0) return false;
    await appendAudit(
      tx,
      {
        ...own(actor),
        action: answer === 'revealed' ? 'share' : 'update',
        objectType: 'pool-contact',
        objectId: id,
        purpose: 'talent pool contact request',
        result: 'success',
      },
      now,
    );
    return true;
  });
}

/**
 * The requests the reader's organisation sent: the label and the answer; name and email only once revealed. Reading
 * a revealed identity is audited about the applicant.
 */
export async function sentBy(db: Database, actor: Actor, reader: Reader, now: Date) {
  const rows = await db
    .select({
      id: poolContactRequest.id,
      label: poolContactRequest.label,
      message: poolContactRequest.message,
      createdAt: poolContactRequest.createdAt,
      answer: poolContactRequest.answer,
      applicantPersonId: poolContactRequest.applicantPersonId,
      name: person.displayName,
      email: person.email,
    })
    .from(poolContactRequest)
    .innerJoin(person, eq(person.id, poolContactRequest.applicantPersonId))
    .where(eq(poolContactRequest.requesterOrganisationId, reader.organisationId))
    .orderBy(desc(poolContactRequest.createdAt));
  const revealed = rows.filter((r) => r.answer === 'revealed');
  await appendAuditMany(
    db,
    revealed.map((r) => ({
      ...readerAudit(actor, reader),
      action: 'read',
      objectType: 'pool-contact',
      objectId: r.id,
      subjectPersonId: r.applicantPersonId,
      purpose: 'talent pool contact request',
      result: 'success',
    })),
    now,
  );
  return rows.map(({ applicantPersonId: _, name, email, ...r }) =>
    r.answer === 'revealed' ? { ...r, name, email } : { ...r, name: null, email: null },
  );
}
