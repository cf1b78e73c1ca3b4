import { type Jurisdiction, type Location, withinJurisdiction } from './jurisdiction.ts';
import { POLICY, type PolicyTable } from './policy-table.ts';
import { ROLES, type Role } from './roles.ts';

// Re-exported for importers outside this module (identity's authorisation matrix test).
export { POLICY, type PolicyTable } from './policy-table.ts';

/**
 * THE authorisation policy: role × action × resource × relation. This table is the one place
 * that says who may do what; routes name an (action, resource) pair, services compute the
 * relation of the object to the actor, and `decide` answers. docs/identity.md renders it.
 */

/** How an object relates to the actor, from closest to farthest. */
export const RELATIONS = [
  'own',
  /** A family member's journey linked to the actor's own journey (the actor is the principal). */
  'family',
  'own-organisation',
  'within-jurisdiction',
  'shared-by-consent',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const RESOURCES = [
  'account',
  'session',
  'access-log',
  'consent',
  'applicant-profile',
  'organisation',
  'role-assignment',
  'outbox',
  'erasure-request',
  'document',
  'journey',
  'journey-step',
  'work-queue',
  'registry-entry',
  'recognition-record',
  'mutual-recognition-register',
  'counselling-case',
  'counselling-rollup',
  'appointment-calendar',
  'appointment-request',
  'office-workload',
  'office-staffing',
  'staffing-plan',
  'document-checklists',
  'calendar-feed',
  'employer',
  'employer-confirmation',
  'employer-invitation',
  'joint-project',
  'joint-project-agreement',
  'joint-draft',
  'joint-draft-sign-off',
  'job-ad',
  'state-activity',
  'pool-profile',
  'pool-search',
  'pool-contact',
  'companion',
  'support-offer',
  'companion-employment',
  'companion-statistics',
  'api-token',
  'webhook',
  'xauslaender-message',
  'fair',
  'fair-agreement',
  'fair-exhibitor',
  'fair-booking',
  'fair-figures',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = [
  'read',
  'update',
  'export',
  'grant',
  'withdraw',
  'create',
  'revoke',
  'sign-out',
  'delete',
  'share',
] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
export function isResource(value: unknown): value is Resource {
  return typeof value === 'string' && (RESOURCES as readonly string[]).includes(value);
}

/** True when the policy names the pair at all (routes naming an unknown pair refuse to start). */
export function isKnownPair(action: string, resource: string, policy: PolicyTable = POLICY): boolean {
  return isResource(resource) && isAction(action) && policy[resource][action] !== undefined;
}

export type Decision =
  | { readonly allow: true; readonly role: Role; readonly relation: Relation }
  | { readonly allow: false; readonly status: 403 | 404; readonly reason: 'function' | 'object' };

/**
 * Function level: may any of these roles perform the action on this kind of resource at all?
 * A refusal here is a 403 (the actor learns nothing about any object).
 */
export function mayAttempt(
  roles: readonly Role[],
  action: Action,
  resource: Resource,
  policy: PolicyTable = POLICY,
): boolean {
  const rules = policy[resource][action];
  return rules !== undefined && roles.some((r) => (rules[r]?.length ?? 0) > 0);
}

/**
 * Object level: given the relations the object has to the actor (one role at a time), is the
 * action allowed? Function-level refusals answer 403; objects outside reach answer 404, so that
 * a refusal is no oracle for the object's existence.
 */
export function decide(
  roles: readonly Role[],
  action: Action,
  resource: Resource,
  relationsOf: (role: Role) => ReadonlySet<Relation>,
  policy: PolicyTable = POLICY,
): Decision {
  if (!mayAttempt(roles, action, resource, policy)) return { allow: false, status: 403, reason: 'function' };
  const rules = policy[resource][action] ?? {};
  for (const role of roles) {
    const allowed = rules[role] ?? [];
    const held = relationsOf(role);
    for (const relation of RELATIONS) {
      if (allowed.includes(relation) && held.has(relation)) return { allow: true, role, relation };
    }
  }
  return { allow: false, status: 404, reason: 'object' };
}

/** One role the actor holds, with its organisation (null for personal roles). */
export interface Membership {
  readonly role: Role;
  readonly organisationId: string | null;
  readonly jurisdictions: readonly Jurisdiction[];
}

export interface Actor {
  readonly personId: string;
  readonly memberships: readonly Membership[];
}

/** What the service knows about an object that belongs to a person. */
export interface PersonalObject {
  /** The person the data is about. */
  readonly subjectPersonId: string;
  /** Organisations in which the subject holds a role. */
  readonly subjectOrganisationIds: readonly string[];
  /** Organisations the subject has granted (and not withdrawn) consent to. */
  readonly consentedOrganisationIds: readonly string[];
  readonly location: Location;
}

/** What an organisation-scoped object (a role assignment, an organisation) relates to. */
export interface OrganisationObject {
  readonly organisationId: string;
}

/** The relations one membership of the actor has to a personal object; never empty ('other' at least). */
export function personalRelations(
  actor: Actor,
  membership: Membership,
  object: PersonalObject,
): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (object.subjectPersonId === actor.personId) out.add('own');
  const org = membership.organisationId;
  if (org !== null) {
    if (object.subjectOrganisationIds.includes(org)) out.add('own-organisation');
    if (object.consentedOrganisationIds.includes(org)) out.add('shared-by-consent');
    if (withinJurisdiction(membership.jurisdictions, object.location)) out.add('within-jurisdiction');
  }
  return out;
}

export function organisationRelations(
  membership: Membership,
  object: OrganisationObject,
): ReadonlySet<Relation> {
  const out = new Set<Relation>(['other']);
  if (membership.organisationId === object.organisationId) out.add('own-organisation');
  return out;
}

/**
 * Decides for an actor with several memberships: each membership is tried with its own
 * relations (a counsellor in centre A does not gain centre B's consents).
 */
export function decideFor(
  actor: Actor,
  action: Action,
  resource: Resource,
  relationsOf: (membership: Membership) => ReadonlySet<Relation>,
  policy: PolicyTable = POLICY,
): Decision & { readonly membership?: Membership } {
  const roles = actor.memberships.map((m) => m.role);
  if (!mayAttempt(roles, action, resource, policy)) return { allow: false, status: 403, reason: 'function' };
  for (const membership of actor.memberships) {
    const d = decide([membership.role], action, resource, () => relationsOf(membership), policy);
    if (d.allow) return { ...d, membership };
  }
  return { allow: false, status: 404, reason: 'object' };
}

/** The policy as rows for documentation and for the generated authorisation matrix. */
export function policyRows(policy: PolicyTable = POLICY) {
  const rows: { resource: Resource; action: Action; role: Role; relations: readonly Relation[] }[] = [];
  for (const resource of RESOURCES) {
    for (const action of ACTIONS) {
      const rules = policy[resource][action];
      if (!rules) continue;
      for (const role of ROLES) rows.push({ resource, action, role, relations: rules[role] ?? [] });
    }
  }
  return rows;
}

const SHORT: Record<Relation, string> = {
  own: 'own',
  family: 'family',
  'own-organisation': 'org',
  'within-jurisdiction': 'juris',
  'shared-by-consent': 'consent',
  other: 'other',
};

/** The policy as a Markdown table (docs/identity.md embeds it; a test keeps the two in step). */
export function policyMarkdown(policy: PolicyTable = POLICY): string {
  const header = `| resource | action | ${ROLES.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(ROLES.length + 2)}`;
  const lines = [header, rule];
  for (const resource of RESOURCES) {
    for (const action of ACTIONS) {
      const rules = policy[resource][action];
      if (!rules) continue;
      const cells = ROLES.map((r) =>
        rules[r]?.length ? (rules[r] ?? []).map((x) => SHORT[x]).join(', ') : '–',
      );
      lines.push(`| ${resource} | ${action} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}
