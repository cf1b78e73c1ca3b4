/**
 * Who reads the talent pool, and for which states: a ministry officer for their ministry's state(s); an employer's
 * people, only of a confirmed employer, for the state of the employer's district. Everyone else is refused, with
 * the reason the page names.
 */
import { and, eq } from 'drizzle-orm';
import { jurisdictionStates } from '../../domain/access/jurisdiction.ts';
import type { Actor, Membership } from '../../domain/access/policy.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { employerProfile } from '../employers/index.ts';
import { organisation } from '../people/index.ts';
import { district } from '../regions/index.ts';

export type Reader = {
  kind: 'employer' | 'ministry';
  membership: Membership;
  organisationId: string;
  organisationName: string;
  /** The states whose pool the reader searches. */
  states: string[];
};

export type ReaderRefusal = 'unconfirmed' | 'no-state';

export async function readerOf(db: DbOrTx, actor: Actor): Promise<Reader | { refused: ReaderRefusal }> {
  let refused: ReaderRefusal = 'no-state';
  for (const m of actor.memberships) {
    if (!m.organisationId) continue;
    const [org] = await db
      .select({ name: organisation.name })
      .from(organisation)
      .where(eq(organisation.id, m.organisationId));
    if (!org) continue;
    const base = { membership: m, organisationId: m.organisationId, organisationName: org.name };
    if (m.role === 'ministry-officer') {
      const states = jurisdictionStates(m.jurisdictions);
      if (states.length > 0) return { kind: 'ministry', ...base, states };
    }
    if (m.role === 'employer-admin' || m.role === 'employer-member') {
      const [e] = await db
        .select({ trust: employerProfile.trust, state: district.stateCode })
        .from(employerProfile)
        .innerJoin(district, eq(district.ags, employerProfile.districtAgs))
        .where(and(eq(employerProfile.organisationId, m.organisationId)));
      if (e?.trust === 'confirmed') return { kind: 'employer', ...base, states: [e.state] };
      refused = 'unconfirmed';
    }
  }
  return { refused };
}

/** The audit's actor fields for a reader. */
export const readerAudit = (actor: Actor, r: Reader) => ({
  actorPersonId: actor.personId,
  actorRole: r.membership.role,
  actorOrganisationId: r.organisationId,
});
