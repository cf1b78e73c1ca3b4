import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { applicantProfile, findPerson, membershipsOf } from '../../people/index.ts';

/** The account as the person sees it (and as GET /api/v1/me returns it). */
export async function accountView(db: DbOrTx, personId: string) {
  const p = await findPerson(db, personId);
  if (!p) return undefined;
  const memberships = await membershipsOf(db, personId);
  return {
    id: p.id,
    email: p.email,
    displayName: p.displayName,
    emailVerified: p.emailVerifiedAt !== null,
    secondFactor: p.totpEnabledAt !== null,
    roles: memberships.map((m) => ({
      role: m.role,
      organisation: m.organisationId
        ? { id: m.organisationId, name: m.organisationName, kind: m.organisationKind }
        : null,
    })),
  };
}

export async function applicantView(db: DbOrTx, personId: string) {
  const p = await findPerson(db, personId);
  if (!p) return undefined;
  const [profile] = await db.select().from(applicantProfile).where(eq(applicantProfile.personId, personId));
  return {
    id: p.id,
    displayName: p.displayName,
    residenceAgs: profile?.residenceAgs ?? null,
    countryCode: profile?.countryCode ?? null,
    nationality: profile?.nationality ?? null,
  };
}
