/**
 * The trust level of an employer (issue 16): a ministry officer of the state of the employer's district checks the
 * facts and confirms, refuses or withdraws (a reason is required for the last two); every decision is kept with
 * who, when and why. Every state's officer reads the trust level; only the employer's own state decides.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Location } from '../../domain/access/jurisdiction.ts';
import { withinJurisdiction } from '../../domain/access/jurisdiction.ts';
import { type Actor, decideFor, type Membership, type Relation } from '../../domain/access/policy.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../platform/db/client.ts';
import { composeMail } from '../../platform/mail/compose.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { person, roleAssignment } from '../people/index.ts';
import { employerProfile, employerTrustDecision, type TrustDecision, type TrustLevel } from './schema.ts';
import { type EmployerRow, employersBy } from './service.ts';

/** Where an employer is, for the officers' jurisdiction: the state of its district. */
export const locationOf = (e: Pick<EmployerRow, 'stateCode' | 'districtAgs'>): Location => ({
  stateCode: e.stateCode,
  districtAgs: e.districtAgs,
  countryCode: null,
});

/** The relations of one membership of the actor to an employer. */
export function employerRelations(
  m: Membership,
  e: Pick<EmployerRow, 'organisationId' | 'stateCode' | 'districtAgs'>,
): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (m.organisationId === e.organisationId) out.add('own-organisation');
  if (m.organisationId !== null && withinJurisdiction(m.jurisdictions, locationOf(e)))
    out.add('within-jurisdiction');
  return out;
}

/** Which decision leads from which level to which. */
const NEXT: Record<TrustDecision, { from: readonly TrustLevel[]; to: TrustLevel }> = {
  confirm: { from: ['unconfirmed', 'refused', 'withdrawn'], to: 'confirmed' },
  refuse: { from: ['unconfirmed'], to: 'refused' },
  withdraw: { from: ['confirmed'], to: 'withdrawn' },
};

/** The decisions open to an officer on an employer at this level. */
export const decisionsFrom = (level: TrustLevel): TrustDecision[] =>
  (Object.keys(NEXT) as TrustDecision[]).filter((d) => NEXT[d].from.includes(level));

export type DecideResult =
  | { kind: 'ok'; trust: TrustLevel }
  | { kind: 'not-found' }
  | { kind: 'forbidden' }
  | { kind: 'not-open'; trust: TrustLevel };

/** Records an officer's decision on an employer, authorised and audited in one transaction. */
export async function decideTrust(
  db: Database,
  actor: Actor,
  input: { organisationId: string; decision: TrustDecision; reason: string },
  now: Date,
  mailer?: Mailer,
): Promise<DecideResult> {
  return db.transaction(async (tx) => {
    const [e] = await employersBy(tx, [input.organisationId]);
    if (!e) return { kind: 'not-found' } as const;
    const d = decideFor(actor, 'update', 'employer-confirmation', (m) => employerRelations(m, e));
    const m = d.allow ? d.membership : actor.memberships.find((x) => x.role === 'ministry-officer');
    const audit = (result: 'success' | 'denied' | 'failure') =>
      appendAudit(
        tx,
        {
          actorPersonId: actor.personId,
          actorRole: m?.role ?? null,
          actorOrganisationId: m?.organisationId ?? null,
          action: 'update',
          objectType: 'employer-confirmation',
          objectId: e.organisationId,
          purpose: `employer check: ${input.decision}`,
          result,
        },
        now,
      );
    if (!d.allow || !m?.organisationId) {
      await audit('denied');
      return { kind: 'forbidden' } as const;
    }
    const next = NEXT[input.decision];
    const [changed] = next.from.includes(e.trust)
      ? await tx
          .update(employerProfile)
          .set({ trust: next.to, trustChangedAt: now })
          .where(
            and(eq(employerProfile.organisationId, e.organisationId), eq(employerProfile.trust, e.trust)),
          )
          .returning({ trust: employerProfile.trust })
      : [];
    if (!changed) {
      await audit('failure');
      return { kind: 'not-open', trust: e.trust } as const;
    }
    await tx.insert(employerTrustDecision).values({
      organisationId: e.organisationId,
      decision: input.decision,
      reason: input.reason,
      officerPersonId: actor.personId,
      officerOrganisationId: m.organisationId,
      decidedAt: now,
    });
    await audit('success');
    if (mailer) await tellAdministrators(tx, mailer, e, changed.trust, input.reason);
    return { kind: 'ok', trust: changed.trust } as const;
  });
}

/** Records a refused attempt to decide on an employer (an officer of another state), in its own statement. */
export async function recordRefusedCheck(db: Database, actor: Actor, organisationId: string, now: Date) {
  const m = actor.memberships[0];
  await appendAudit(
    db,
    {
      actorPersonId: actor.personId,
      actorRole: m?.role ?? null,
      actorOrganisationId: m?.organisationId ?? null,
      action: 'update',
      objectType: 'employer-confirmation',
      objectId: organisationId,
      purpose: 'employer check',
      result: 'denied',
    },
    now,
  );
}

/** Mails the employer's administrators the new trust level and the reason, in the same transaction (outbox). */
async function tellAdministrators(
  tx: DbOrTx,
  mailer: Mailer,
  e: EmployerRow,
  trust: TrustLevel,
  reason: string,
): Promise<void> {
  const admins = await tx
    .select({ email: person.email })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .where(
      and(
        eq(roleAssignment.organisationId, e.organisationId),
        eq(roleAssignment.role, 'employer-admin'),
        isNull(roleAssignment.revokedAt),
        isNull(person.disabledAt),
      ),
    );
  for (const a of admins)
    await mailer.send(
      tx,
      composeMail(a.email, 'employers.mail.decided', (t) => ({
        employer: e.name,
        level: t.t(`employers.trust.${trust}`),
        reason: reason || '–',
      })),
    );
}
