/**
 * Keeping the support offers with history (issue 18): administrators keep every offer, a state's ministry officers
 * the offers placed in their state (policy `support-offer`). Every change — a new offer, a change, retiring — is a
 * new version (`support_offer_version`: the values, what changed, who, when, why) written with its audit entry in
 * one transaction; the offer row holds the current values, so the directory and the matching read one table and a
 * retired offer leaves both at once. The seed's offers are version 1.
 */
import { randomUUID } from 'node:crypto';
import { asc, desc, eq, notExists, sql } from 'drizzle-orm';
import { jurisdictionStates } from '../../domain/access/jurisdiction.ts';
import { type Actor, decideFor, type Membership, type Relation } from '../../domain/access/policy.ts';
import { changedFields, type OfferValues, offerValues } from '../../domain/companion/offer-edit.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { organisation, person } from '../people/index.ts';
import { STATE_CODES } from '../regions/index.ts';
import { supportOffer, supportOfferVersion } from './schema.ts';
import type { OfferRow } from './service.ts';

type Action = 'read' | 'create' | 'update';

/** How an offer placed in `stateCode` (null: nationwide) relates to one membership of the actor. */
export function offerRelations(m: Membership, stateCode: string | null): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (stateCode !== null && jurisdictionStates(m.jurisdictions).includes(stateCode))
    out.add('within-jurisdiction');
  return out;
}

/** The membership under which the actor may do `action` to an offer in `stateCode`, if any. */
export function mayKeep(actor: Actor, action: Action, stateCode: string | null): Membership | undefined {
  const d = decideFor(actor, action, 'support-offer', (m) => offerRelations(m, stateCode));
  return d.allow ? d.membership : undefined;
}

/** The places the actor may put an offer: '' (nationwide) and the state codes. */
export const placesFor = (actor: Actor): string[] =>
  ['', ...STATE_CODES].filter((s) => mayKeep(actor, 'create', s === '' ? null : s) !== undefined);

/** The offers the actor keeps, retired ones included, current first. */
export async function keptOffers(db: DbOrTx, actor: Actor): Promise<OfferRow[]> {
  const rows = await db
    .select()
    .from(supportOffer)
    .orderBy(sql`${supportOffer.retiredAt} is not null`, asc(supportOffer.nameDe), asc(supportOffer.id));
  return rows.filter((r) => mayKeep(actor, 'read', r.stateCode) !== undefined);
}

export async function offerById(db: DbOrTx, id: string): Promise<OfferRow | undefined> {
  const [row] = await db.select().from(supportOffer).where(eq(supportOffer.id, id)).limit(1);
  return row;
}

function audit(
  tx: DbOrTx,
  actor: Actor,
  m: Membership | undefined,
  action: Action,
  id: string,
  ok: boolean,
  now: Date,
) {
  return appendAudit(
    tx,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? actor.memberships[0]?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action,
      objectType: 'support-offer',
      objectId: id,
      purpose: 'support-offer directory: keeping an offer',
      result: ok ? 'success' : 'denied',
    },
    now,
  );
}

type Editor = { actor: Actor; membership: Membership; reason: string; now: Date };

const versionRow = (
  id: string,
  version: number,
  kind: 'created' | 'changed' | 'retired',
  values: OfferValues,
  changed: string[],
  e: Editor,
) => ({
  offerId: id,
  version,
  kind,
  values: { ...values } as Record<string, unknown>,
  changed,
  reason: e.reason,
  editedBy: e.actor.personId,
  editorOrganisationId: e.membership.organisationId,
  editedAt: e.now,
});

/** A new offer (version 1, kind created); its id, or 'forbidden' when the actor may not place it there. */
export async function createOffer(
  db: Database,
  actor: Actor,
  values: OfferValues,
  reason: string,
  now: Date,
): Promise<{ id: string } | 'forbidden'> {
  return db.transaction(async (tx) => {
    const id = `${(values.stateCode ?? 'de').toLowerCase()}-${randomUUID().slice(0, 8)}`;
    const m = mayKeep(actor, 'create', values.stateCode);
    await audit(tx, actor, m, 'create', id, m !== undefined, now);
    if (!m) return 'forbidden' as const;
    await tx.insert(supportOffer).values({
      id,
      ...values,
      levels: [...values.levels],
      conditions: [...values.conditions],
      sourceUrls: [...values.sourceUrls],
      researchName: values.nameEn,
      targetGroups: ['chancen_holders'],
      notes: null,
      source: 'Kept on the platform by an administrator or a state officer',
      asOf: now.toISOString().slice(0, 10),
      confidence: 'medium',
      verified: true,
      version: 1,
    });
    const e = { actor, membership: m, reason, now };
    await tx.insert(supportOfferVersion).values(versionRow(id, 1, 'created', values, [], e));
    return { id };
  });
}

export type ChangeResult = 'ok' | 'not-found' | 'forbidden' | 'stale' | 'unchanged';

/**
 * Changes an offer (values) or retires it (values null) as a new version. `expected` is the version the form was
 * filled on: another change in between answers 'stale' (nothing written). The actor must keep the offer where it
 * is and where it goes.
 */
export async function changeOffer(
  db: Database,
  actor: Actor,
  id: string,
  expected: number,
  values: OfferValues | null,
  reason: string,
  now: Date,
): Promise<ChangeResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(supportOffer).where(eq(supportOffer.id, id)).for('update');
    if (!row) return 'not-found' as const;
    const m = mayKeep(actor, 'update', row.stateCode);
    const to = values && m ? mayKeep(actor, 'update', values.stateCode) : m;
    await audit(tx, actor, to, 'update', id, to !== undefined, now);
    if (!m) return 'not-found' as const;
    if (!to) return 'forbidden' as const;
    if (row.version !== expected) return 'stale' as const;
    if (row.retiredAt !== null) return 'not-found' as const;
    const before = offerValues(row);
    const after = values ?? before;
    const changed = values ? changedFields(before, after) : ['retired'];
    if (changed.length === 0) return 'unchanged' as const;
    const version = row.version + 1;
    await tx
      .update(supportOffer)
      .set({
        ...after,
        levels: [...after.levels],
        conditions: [...after.conditions],
        sourceUrls: [...after.sourceUrls],
        version,
        verified: true,
        asOf: now.toISOString().slice(0, 10),
        retiredAt: values ? null : now,
      })
      .where(eq(supportOffer.id, id));
    const e = { actor, membership: to, reason, now };
    await tx
      .insert(supportOfferVersion)
      .values(versionRow(id, version, values ? 'changed' : 'retired', after, changed, e));
    return 'ok' as const;
  });
}

export type OfferVersion = typeof supportOfferVersion.$inferSelect & {
  editorName: string | null;
  organisationName: string | null;
};

/** Every version of an offer, newest first, with the editor's name and office. */
export async function offerHistory(db: DbOrTx, id: string): Promise<OfferVersion[]> {
  const rows = await db
    .select({ v: supportOfferVersion, editorName: person.displayName, organisationName: organisation.name })
    .from(supportOfferVersion)
    .leftJoin(person, eq(person.id, supportOfferVersion.editedBy))
    .leftJoin(organisation, eq(organisation.id, supportOfferVersion.editorOrganisationId))
    .where(eq(supportOfferVersion.offerId, id))
    .orderBy(desc(supportOfferVersion.version));
  return rows.map((r) => ({ ...r.v, editorName: r.editorName, organisationName: r.organisationName }));
}

/** Version 1 (seeded) for every offer without a version: the seed's offers, also in a database seeded before. */
export async function seedFirstVersions(db: DbOrTx): Promise<number> {
  const rows = await db
    .select()
    .from(supportOffer)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(supportOfferVersion)
          .where(eq(supportOfferVersion.offerId, supportOffer.id)),
      ),
    );
  if (rows.length === 0) return 0;
  await db
    .insert(supportOfferVersion)
    .values(
      rows.map((r) => ({
        offerId: r.id,
        version: 1,
        kind: 'seeded' as const,
        values: { ...offerValues(r) } as Record<string, unknown>,
        changed: [],
        reason: null,
        editedBy: null,
        editorOrganisationId: null,
        editedAt: new Date(`${r.asOf}T00:00:00Z`),
      })),
    )
    .onConflictDoNothing();
  return rows.length;
}
