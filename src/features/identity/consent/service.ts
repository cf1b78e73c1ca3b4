import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../domain/access/policy.ts';
import { appendAudit, entriesAbout } from '../../../platform/audit/audit.ts';
import type { Database, DbOrTx } from '../../../platform/db/client.ts';
import { consent, findOrganisation, organisation, person } from '../../people/index.ts';
import { accountView, applicantView } from '../accounts/data.ts';
import { authorizePersonal } from '../http.ts';
import { listActiveSessions } from '../sessions/service.ts';

export async function consentsOf(db: DbOrTx, personId: string) {
  return db
    .select({
      organisationId: consent.organisationId,
      organisationName: organisation.name,
      organisationKind: organisation.kind,
      grantedAt: consent.grantedAt,
      withdrawnAt: consent.withdrawnAt,
    })
    .from(consent)
    .innerJoin(organisation, eq(organisation.id, consent.organisationId))
    .where(eq(consent.personId, personId))
    .orderBy(desc(consent.grantedAt));
}

export async function grantConsent(
  db: DbOrTx,
  personId: string,
  organisationId: string,
  now: Date,
): Promise<boolean> {
  if (!(await findOrganisation(db, organisationId))) return false;
  const [active] = await db
    .select({ id: consent.id })
    .from(consent)
    .where(
      and(
        eq(consent.personId, personId),
        eq(consent.organisationId, organisationId),
        isNull(consent.withdrawnAt),
      ),
    );
  if (!active) await db.insert(consent).values({ personId, organisationId, grantedAt: now });
  await appendAudit(
    db,
    {
      actorPersonId: personId,
      actorRole: 'applicant',
      action: 'grant',
      objectType: 'consent',
      objectId: organisationId,
      subjectPersonId: personId,
      purpose: 'consent management',
      result: 'success',
    },
    now,
  );
  return true;
}

/** Withdrawal takes effect on the next request: the policy reads consents per request. */
export async function withdrawConsent(
  db: DbOrTx,
  personId: string,
  organisationId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(consent)
    .set({ withdrawnAt: now })
    .where(
      and(
        eq(consent.personId, personId),
        eq(consent.organisationId, organisationId),
        isNull(consent.withdrawnAt),
      ),
    )
    .returning({ id: consent.id });
  await appendAudit(
    db,
    {
      actorPersonId: personId,
      actorRole: 'applicant',
      action: 'withdraw',
      objectType: 'consent',
      objectId: organisationId,
      subjectPersonId: personId,
      purpose: 'consent management',
      result: rows.length > 0 ? 'success' : 'failure',
    },
    now,
  );
  return rows.length > 0;
}

/** "Wer hat meine Daten gesehen?": who accessed the person's data, when, in which role, why. */
export async function accessLog(db: DbOrTx, personId: string) {
  const rows = await entriesAbout(db, personId);
  const names = new Map<string, string>();
  for (const r of rows) {
    const id = r.actorOrganisationId;
    if (!id || names.has(id)) continue;
    const org = await findOrganisation(db, id);
    if (org) names.set(id, org.name);
  }
  return rows.map((r) => ({
    at: r.at.toISOString(),
    self: r.actorPersonId === personId,
    actorRole: r.actorRole,
    organisation: r.actorOrganisationId ? (names.get(r.actorOrganisationId) ?? null) : null,
    action: r.action,
    object: r.objectType,
    purpose: r.purpose,
    result: r.result,
  }));
}

/** Art. 15 GDPR: everything stored about the person, in one JSON document. */
export async function exportData(db: DbOrTx, personId: string, now: Date) {
  const [p] = await db.select().from(person).where(eq(person.id, personId));
  if (!p) return undefined;
  return {
    exportedAt: now.toISOString(),
    account: {
      id: p.id,
      email: p.email,
      displayName: p.displayName,
      emailVerifiedAt: p.emailVerifiedAt?.toISOString() ?? null,
      secondFactorSince: p.totpEnabledAt?.toISOString() ?? null,
      createdAt: p.createdAt.toISOString(),
    },
    roles: (await accountView(db, personId))?.roles ?? [],
    applicantProfile: await applicantView(db, personId),
    consents: (await consentsOf(db, personId)).map((c) => ({
      ...c,
      grantedAt: c.grantedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    sessions: (await listActiveSessions(db, personId, now)).map((s) => ({
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      userAgent: s.userAgent,
    })),
    accessLog: await accessLog(db, personId),
    retention: {
      auditTrail: 'Audit entries are kept for the legal retention period even after erasure of the account.',
    },
  };
}

/** The export of one's own data (Art. 15 GDPR), authorised and audited in one transaction. */
export async function exportOwnData(db: Database, actor: Actor, now: Date) {
  return db.transaction(async (tx) => {
    await authorizePersonal(
      tx,
      now,
      actor,
      'export',
      'account',
      actor.personId,
      'data export (Art. 15 GDPR)',
    );
    return exportData(tx, actor.personId, now);
  });
}
