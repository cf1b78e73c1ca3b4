import type { AuditEvent } from '../../platform/audit/audit.ts';

/** Who makes a change, as the audit trail records it (from the identity layer's actor and membership). */
export interface ChangeActor {
  readonly personId: string;
  readonly role: string;
  readonly organisationId: string | null;
}

export function auditActor(
  actor: ChangeActor,
): Pick<AuditEvent, 'actorPersonId' | 'actorRole' | 'actorOrganisationId'> {
  return { actorPersonId: actor.personId, actorRole: actor.role, actorOrganisationId: actor.organisationId };
}
