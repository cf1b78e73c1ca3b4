/**
 * The companion's data (issue 18): the support-offer directory, a holder's own facts (kept in one transaction with
 * its audit entry), and the audited reads of a person's companion. Who may read is the policy's `companion` rows;
 * the relation is the person's own data or a consent to the reader's counselling centre.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { type Actor, decideFor, type Membership, personalRelations } from '../../domain/access/policy.ts';
import type { HolderFacts } from '../../domain/companion/holder.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { consent, personalObject } from '../people/index.ts';
import { companionHolder, companionNotice, supportOffer } from './schema.ts';

export type OfferRow = typeof supportOffer.$inferSelect;
export type HolderRow = typeof companionHolder.$inferSelect;

/** What the form stores: the facts and the person's state. */
export type HolderInput = HolderFacts & { readonly stateCode: string; readonly districtAgs: string | null };

export async function allOffers(db: DbOrTx): Promise<OfferRow[]> {
  return db
    .select()
    .from(supportOffer)
    .where(isNull(supportOffer.retiredAt))
    .orderBy(asc(supportOffer.nameDe), asc(supportOffer.id));
}

export async function holderOf(db: DbOrTx, personId: string): Promise<HolderRow | undefined> {
  const [row] = await db
    .select()
    .from(companionHolder)
    .where(eq(companionHolder.personId, personId))
    .limit(1);
  return row;
}

export function factsOf(row: HolderRow): HolderFacts {
  return {
    birthDate: row.birthDate,
    permitGrantedOn: row.permitGrantedOn,
    permitExpiresOn: row.permitExpiresOn,
    inGermanySince: row.inGermanySince,
    german: row.german,
    livelihoodMainlyFromWork: row.livelihoodMainlyFromWork,
    livesWithMinorChild: row.livesWithMinorChild,
    germanSchoolOrQualification: row.germanSchoolOrQualification,
  };
}

type Audit = {
  actor: Actor;
  membership: Membership | undefined;
  action: 'read' | 'update';
  subject: string;
  result: 'success' | 'denied';
};

export function auditCompanion(db: DbOrTx, a: Audit, now: Date) {
  return appendAudit(
    db,
    {
      actorPersonId: a.actor.personId,
      actorRole: a.membership?.role ?? null,
      actorOrganisationId: a.membership?.organisationId ?? null,
      action: a.action,
      objectType: 'companion',
      objectId: a.subject,
      subjectPersonId: a.subject,
      purpose: a.action === 'read' ? 'companion: permit clock and conditions' : 'companion: own facts',
      result: a.result,
    },
    now,
  );
}

/**
 * Whether the actor may read (or keep) the companion of `subjectId`; every attempt is audited. Returns the
 * membership the decision was made in, or null (the caller answers 404 or 403 as the decision says).
 */
export async function authorise(
  db: DbOrTx,
  actor: Actor,
  action: 'read' | 'update',
  subjectId: string,
  now: Date,
): Promise<{ allow: true; membership: Membership | undefined } | { allow: false; status: 403 | 404 }> {
  const object = await personalObject(db, subjectId);
  if (!object) return { allow: false, status: 404 };
  const d = decideFor(actor, action, 'companion', (m) => personalRelations(actor, m, object));
  await auditCompanion(
    db,
    {
      actor,
      membership: d.allow ? d.membership : actor.memberships[0],
      action,
      subject: subjectId,
      result: d.allow ? 'success' : 'denied',
    },
    now,
  );
  if (!d.allow) return { allow: false, status: d.status === 403 ? 403 : 404 };
  return { allow: true, membership: d.membership };
}

/** Stores the holder's own facts (insert or replace) with its audit entry, in one transaction. */
export async function saveHolder(
  db: Database,
  actor: Actor,
  input: HolderInput,
  now: Date,
  /** What else happens in the same transaction once the facts are stored (the notice of conditions met). */
  after: (tx: DbOrTx) => Promise<unknown> = async () => undefined,
): Promise<'ok' | 'forbidden'> {
  return db.transaction(async (tx) => {
    const d = await authorise(tx, actor, 'update', actor.personId, now);
    if (!d.allow) return 'forbidden' as const;
    const values = { ...input, updatedAt: now };
    await tx
      .insert(companionHolder)
      .values({ personId: actor.personId, ...values })
      .onConflictDoUpdate({ target: companionHolder.personId, set: values });
    await after(tx);
    return 'ok' as const;
  });
}

/** Erases a person's companion facts (an erasure request granted). */
export async function eraseCompanionOf(tx: DbOrTx, personId: string): Promise<void> {
  await tx.delete(companionHolder).where(eq(companionHolder.personId, personId));
  await tx
    .delete(companionNotice)
    .where(
      or(eq(companionNotice.subjectPersonId, personId), eq(companionNotice.recipientPersonId, personId)),
    );
}

/**
 * Of `personIds`, those who keep a companion and consent to `organisationId` now: the counsellor's case list links
 * to their companion (the link itself shows nothing; opening it is authorised and audited).
 */
export async function companionHoldersConsentingTo(
  db: DbOrTx,
  organisationId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .select({ personId: companionHolder.personId })
    .from(companionHolder)
    .innerJoin(consent, eq(consent.personId, companionHolder.personId))
    .where(
      and(
        inArray(companionHolder.personId, [...personIds]),
        eq(consent.organisationId, organisationId),
        isNull(consent.withdrawnAt),
      ),
    );
  return new Set(rows.map((r) => r.personId));
}
