// An employer's registration on the platform (issue 16): its address with district, legal identity, size, and the
// trust level a state's ministry officer gives it after a check, with the history of every decision.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation, person } from '../people/index.ts';
import { district } from '../regions/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** Kinds of public employer (V3: public employers are employers too) for those without a trade register entry. */
export const PUBLIC_EMPLOYER_KINDS = [
  'municipality',
  'state-administration',
  'federal-administration',
  'public-hospital',
  'university',
  'other-public-body',
] as const;
export type PublicEmployerKind = (typeof PUBLIC_EMPLOYER_KINDS)[number];

/** Size bands by number of employees. */
export const SIZE_BANDS = ['1-9', '10-49', '50-249', '250+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** Where an employer stands: registered and waiting, confirmed, refused after a check, confirmation withdrawn. */
export const TRUST_LEVELS = ['unconfirmed', 'confirmed', 'refused', 'withdrawn'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** What an officer decides: confirm, refuse (never confirmed), withdraw (was confirmed). */
export const TRUST_DECISIONS = ['confirm', 'refuse', 'withdraw'] as const;
export type TrustDecision = (typeof TRUST_DECISIONS)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** One row per registered employer organisation. */
export const employerProfile = pgTable(
  'employer_profile',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    street: text('street').notNull(),
    postcode: text('postcode').notNull(),
    town: text('town').notNull(),
    districtAgs: text('district_ags')
      .notNull()
      .references(() => district.ags),
    /** Register court as typed ("Amtsgericht Leipzig") and the number in its normal form ("HRB 12345"). */
    registerCourt: text('register_court'),
    registerNumber: text('register_number'),
    /** Court (lower case, single spaces) and number: unique, so that a firm registers once. */
    registerKey: text('register_key'),
    publicKind: text('public_kind', { enum: PUBLIC_EMPLOYER_KINDS }),
    sizeBand: text('size_band', { enum: SIZE_BANDS }).notNull(),
    trust: text('trust', { enum: TRUST_LEVELS }).notNull().default('unconfirmed'),
    trustChangedAt: ts('trust_changed_at').notNull(),
    registeredBy: uuid('registered_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('employer_profile_register_unique').on(t.registerKey),
    index('employer_profile_district_idx').on(t.districtAgs),
    check('employer_profile_postcode', sql`${t.postcode} ~ '^[0-9]{5}$'`),
    check(
      'employer_profile_identity',
      sql`(${t.registerNumber} is not null and ${t.registerCourt} is not null and ${t.registerKey} is not null
        and ${t.publicKind} is null)
        or (${t.registerNumber} is null and ${t.registerCourt} is null and ${t.registerKey} is null
        and ${t.publicKind} is not null)`,
    ),
    check(
      'employer_profile_public_kind',
      sql.raw(`public_kind is null or public_kind in (${list(PUBLIC_EMPLOYER_KINDS)})`),
    ),
    check('employer_profile_size', sql.raw(`size_band in (${list(SIZE_BANDS)})`)),
    check('employer_profile_trust', sql.raw(`trust in (${list(TRUST_LEVELS)})`)),
  ],
);

/** Every decision on an employer's trust level: who (officer and ministry), when, which, why. Never changed. */
export const employerTrustDecision = pgTable(
  'employer_trust_decision',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: TRUST_DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    officerPersonId: uuid('officer_person_id').references(() => person.id, { onDelete: 'set null' }),
    officerOrganisationId: uuid('officer_organisation_id')
      .notNull()
      .references(() => organisation.id),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [
    index('employer_trust_decision_org_idx').on(t.organisationId, t.decidedAt),
    check('employer_trust_decision_known', sql.raw(`decision in (${list(TRUST_DECISIONS)})`)),
    check('employer_trust_decision_reason', sql`${t.decision} = 'confirm' or length(trim(${t.reason})) > 0`),
  ],
);

/** What a candidate answered to an employer's invitation. */
export const INVITATION_ANSWERS = ['accepted', 'declined'] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

/**
 * An employer's invitation of a candidate by email (issue 16): the candidate follows the mailed link, signs in and
 * decides whether the employer may follow their journey. Only the token's hash is kept; the invitation expires.
 * Accepting invites the employer into the candidate's journey (the journey's own `invite-employer` command, given
 * by the candidate), so the employer sees exactly what an employer the candidate invited sees.
 */
export const employerCandidateInvitation = pgTable(
  'employer_candidate_invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => employerProfile.organisationId),
    email: text('email').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => person.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by').references(() => person.id, { onDelete: 'set null' }),
    journeyId: uuid('journey_id'),
  },
  (t) => [
    uniqueIndex('employer_candidate_invitation_token_idx').on(t.tokenHash),
    index('employer_candidate_invitation_org_idx').on(t.organisationId, t.createdAt),
    check(
      'employer_candidate_invitation_answer',
      sql.raw(`answer is null or answer in (${list(INVITATION_ANSWERS)})`),
    ),
    check('employer_candidate_invitation_answered', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);
