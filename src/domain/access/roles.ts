/**
 * Who is who: organisation kinds, roles, and the class of each role (which decides session
 * timeouts and whether a second factor is required). Pure data.
 */

export const ORGANISATION_KINDS = [
  'employer',
  'counselling-centre',
  'recognition-authority',
  'foreigners-office',
  'central-foreigners-office',
  'mission',
  'employment-agency',
  'state-ministry',
  'operator',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  'applicant',
  'family-member',
  'employer-admin',
  'employer-member',
  'counsellor',
  'recognition-officer',
  'foreigners-office-caseworker',
  'mission-officer',
  'employment-agency-officer',
  'ministry-officer',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

/** The organisation kinds a role can be held in; an empty list means a personal role (no organisation). */
export const ROLE_ORGANISATION_KINDS: Readonly<Record<Role, readonly OrganisationKind[]>> = {
  applicant: [],
  'family-member': [],
  'employer-admin': ['employer'],
  'employer-member': ['employer'],
  counsellor: ['counselling-centre'],
  'recognition-officer': ['recognition-authority'],
  'foreigners-office-caseworker': ['foreigners-office', 'central-foreigners-office'],
  'mission-officer': ['mission'],
  'employment-agency-officer': ['employment-agency'],
  'ministry-officer': ['state-ministry'],
  administrator: ['operator'],
};

export function isPersonalRole(role: Role): boolean {
  return ROLE_ORGANISATION_KINDS[role].length === 0;
}

/** Classes of roles, from least to most strictly handled. */
export const ROLE_CLASSES = ['personal', 'organisation', 'authority', 'administrator'] as const;
export type RoleClass = (typeof ROLE_CLASSES)[number];

export const ROLE_CLASS: Readonly<Record<Role, RoleClass>> = {
  applicant: 'personal',
  'family-member': 'personal',
  'employer-admin': 'organisation',
  'employer-member': 'organisation',
  counsellor: 'organisation',
  'recognition-officer': 'authority',
  'foreigners-office-caseworker': 'authority',
  'mission-officer': 'authority',
  'employment-agency-officer': 'authority',
  'ministry-officer': 'authority',
  administrator: 'administrator',
};

/** The strictest class among a person's roles; a person without roles is handled as personal. */
export function strictestClass(roles: readonly Role[]): RoleClass {
  let best = 0;
  for (const role of roles) best = Math.max(best, ROLE_CLASSES.indexOf(ROLE_CLASS[role]));
  return ROLE_CLASSES[best] ?? 'personal';
}

/** Authority, ministry and administrator roles must sign in with a second factor (TOTP). */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => ROLE_CLASS[r] === 'authority' || ROLE_CLASS[r] === 'administrator');
}
