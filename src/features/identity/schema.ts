import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLE_CLASSES } from '../../domain/access/roles.ts';
import { organisation, person } from '../people/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Server-side sessions; only the SHA-256 of the cookie value is stored. */
export const session = pgTable(
  'session',
  {
    idHash: text('id_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    roleClass: text('role_class', { enum: ROLE_CLASSES }).notNull(),
    pendingSecondFactor: boolean('pending_second_factor').notNull().default(false),
    /** SHA-256 of the CSRF secret issued with this session: binds form tokens to the session. */
    csrfSecretHash: text('csrf_secret_hash'),
    userAgent: text('user_agent'),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('session_person_idx').on(t.personId)],
);

/** Single-use, expiring tokens sent by mail (email verification, password reset, unlock). */
export const authToken = pgTable(
  'auth_token',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** 'change-email' tokens are stored as sha256(token + "\n" + new address): the address is bound, never stored. */
    purpose: text('purpose', {
      enum: ['verify-email', 'password-reset', 'unlock', 'change-email'],
    }).notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('auth_token_person_idx').on(t.personId)],
);

/** Second-factor recovery codes (hashed), each usable once. */
export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('recovery_code_person_idx').on(t.personId)],
);

/** Failed sign-in counters per account key (hashed email) and per source address (hashed). */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: ts('window_start'),
  lastFailureAt: ts('last_failure_at'),
  locked: boolean('locked').notNull().default(false),
});

/** A person's request to erase their account (Art. 17 GDPR), handled by an administrator. */
export const erasureRequest = pgTable(
  'erasure_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    requestedAt: ts('requested_at').notNull(),
    reason: text('reason'),
    handledAt: ts('handled_at'),
    handledBy: uuid('handled_by'),
    outcome: text('outcome', { enum: ['erased', 'refused'] }),
    note: text('note'),
  },
  (t) => [index('erasure_request_open_idx').on(t.handledAt)],
);

/** An account at an external OpenID provider (federal citizen account, authority IdP) linked to a person. */
export const federatedIdentity = pgTable(
  'federated_identity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: ['citizen', 'authority'] }).notNull(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('federated_identity_issuer_subject').on(t.issuer, t.subject)],
);

/** A passkey (WebAuthn credential) of a person: COSE public key, signature counter. */
export const passkey = pgTable(
  'passkey',
  {
    /** The credential id, base64url. */
    id: text('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports'),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('passkey_person_idx').on(t.personId)],
);

/**
 * An organisation's API token (issue 20): only the SHA-256 of the secret is stored, with its first characters for
 * display. The token acts as a member of the organisation in its service role, narrowed to its scopes.
 */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** SHA-256 (hex) of the whole token `crt_…`. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token (`crt_` and 6 more), shown in the list to tell tokens apart. */
    displayPrefix: text('display_prefix').notNull(),
    /** Space-separated scopes (`journeys:read decisions:write statistics:read`). */
    scopes: text('scopes').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => person.id, { onDelete: 'set null' }),
  },
  (t) => [index('api_token_organisation_idx').on(t.organisationId)],
);
