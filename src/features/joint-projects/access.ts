/**
 * Who may do what with a joint project: the relations of one membership of the actor to a project (its states) or
 * to one participating state's answer. A ministry officer's own state is the state of their ministry's jurisdiction.
 */
import type { Actor, Membership, Relation } from '../../domain/access/policy.ts';

/** The states a membership speaks for: a ministry officer's states of jurisdiction. */
export function statesOf(m: Membership): string[] {
  if (m.role !== 'ministry-officer' || m.organisationId === null) return [];
  return m.jurisdictions.flatMap((j) => (j.scope === 'state' ? [j.stateCode] : []));
}

/** The actor's own state as a ministry officer (the first, if several), or null. */
export function officerState(actor: Actor): string | null {
  for (const m of actor.memberships) for (const s of statesOf(m)) return s;
  return null;
}

/** A project relates within-jurisdiction to an officer of one of its participating states. */
export function projectRelations(m: Membership, states: readonly string[]): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (statesOf(m).some((s) => states.includes(s))) out.add('within-jurisdiction');
  return out;
}

/** A state's answer relates within-jurisdiction to the officers of that state only. */
export function answerRelations(m: Membership, stateCode: string): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (statesOf(m).includes(stateCode)) out.add('within-jurisdiction');
  return out;
}
