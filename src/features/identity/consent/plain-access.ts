/**
 * "Who has seen my data?" in words a person reads: the audit trail records an action, an object
 * type and a purpose in working names ("journey command request-documents", "authentication");
 * the page shows what was done to what, and why, from the message catalogue. Pure.
 */

export const ACCESS_KINDS = ['read', 'create', 'change', 'remove', 'share', 'sign-in'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const ACCESS_OBJECTS = [
  'account',
  'session',
  'document',
  'role-assignment',
  'erasure-request',
  'recognition-record',
  'organisation',
  'journey',
  'consent',
  'outbox',
  'mutual-recognition-entry',
  'counselling-case',
  'applicant-profile',
  'pool-profile',
  'pool-contact',
  'other',
] as const;
export type AccessObject = (typeof ACCESS_OBJECTS)[number];

export const ACCESS_PURPOSES = [
  'journey',
  'sign-in',
  'security',
  'own-account',
  'administration',
  'consent',
  'erasure',
  'documents',
  'recognition',
  'mail',
  'counselling',
  'talent-pool',
  'other',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

/** What kind of access an audited action is. */
export function accessKind(action: string): AccessKind {
  const verb = action.includes('.') ? action.slice(action.lastIndexOf('.') + 1) : action;
  if (verb === 'read' || verb === 'export' || verb === 'list') return 'read';
  if (verb.startsWith('sign-') || verb === 'unlock') return 'sign-in';
  if (verb === 'share' || verb === 'grant') return 'share';
  if (
    /^(create|register|open|add|issue|issued)\b/.test(verb) ||
    verb.startsWith('open-') ||
    verb.startsWith('add-')
  )
    return 'create';
  if (/^(delete|revoke|withdraw|remove)/.test(verb)) return 'remove';
  return 'change';
}

/** The audited object's kind as one of the named objects. */
export function accessObject(objectType: string): AccessObject {
  return (ACCESS_OBJECTS as readonly string[]).includes(objectType) ? (objectType as AccessObject) : 'other';
}

const PURPOSE_PATTERNS: readonly [RegExp, AccessPurpose][] = [
  [/^journey command |^open a journey$|^add a family member$|^work queue$/, 'journey'],
  [/^authentication$|^account recovery$/, 'sign-in'],
  [/^function-level check$/, 'security'],
  [/^own (account|data)$|^registration$|^register$|^change-email$/, 'own-account'],
  [/^(account|organisation) administration$/, 'administration'],
  [/^consent management$/, 'consent'],
  [/^Art\. 17 GDPR/, 'erasure'],
  [
    /^share with organisation |^share revoked$|^upload$|^list documents$|^owner deleted the document$/,
    'documents',
  ],
  [/recognition (decision|record)/, 'recognition'],
  [/^mail delivery/, 'mail'],
  [/counselling/, 'counselling'],
  [/^talent pool /, 'talent-pool'],
];

/** Why the access happened, as one of the named purposes. */
export function accessPurpose(purpose: string): AccessPurpose {
  for (const [pattern, named] of PURPOSE_PATTERNS) if (pattern.test(purpose)) return named;
  return 'other';
}
