// The tables several features share: people, their applicant profile, organisations with their
// jurisdiction and registry bodies, role assignments and consents.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ORGANISATION_KINDS, ROLES } from '../../domain/access/roles.ts';
import { district, state } from '../regions/index.ts';
import { craftsChamber, nationwideBody, recognitionAuthority } from '../registry/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** A natural person with an account. Email is stored lower-cased; the password as an argon2id hash. */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: ts('email_verified_at'),
    /** Base32 TOTP secret once enrolled (confirmed when totp_enabled_at is set). */
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** Last accepted TOTP time step, so that a code cannot be replayed. */
    totpLastStep: integer('totp_last_step'),
    disabledAt: ts('disabled_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('person_email_unique').on(t.email),
    check('person_email_lower', sql`${t.email} = lower(${t.email})`),
  ],
);

/** The personal data of an applicant that authorities may see: where they live. */
export const applicantProfile = pgTable(
  'applicant_profile',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => person.id, { onDelete: 'cascade' }),
    residenceAgs: text('residence_ags').references(() => district.ags),
    /** ISO 3166-1 alpha-2 country of residence while still abroad. */
    countryCode: text('country_code'),
    nationality: text('nationality'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('applicant_country_iso', sql`${t.countryCode} is null or ${t.countryCode} ~ '^[A-Z]{2}$'`),
    check('applicant_nationality_iso', sql`${t.nationality} is null or ${t.nationality} ~ '^[A-Z]{2}$'`),
  ],
);

/** Employers, counselling centres, authorities, missions, ministries and the operator. */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    /** Seat of the organisation, from the reference data. */
    seatStateCode: text('seat_state_code').references(() => state.code),
    seatDistrictAgs: text('seat_district_ags').references(() => district.ags),
    seatCountryCode: text('seat_country_code'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('organisation_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{1,62}$'`),
    check(
      'organisation_kind_known',
      sql.raw(`kind in (${ORGANISATION_KINDS.map((k) => `'${k}'`).join(', ')})`),
    ),
    check(
      'organisation_seat_country_iso',
      sql`${t.seatCountryCode} is null or ${t.seatCountryCode} ~ '^[A-Z]{2}$'`,
    ),
  ],
);

/** Where an authority is competent: one row per state, district, country (ISO code) or nationwide. */
export const organisationJurisdiction = pgTable(
  'organisation_jurisdiction',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: ['nationwide', 'state', 'district', 'country'] }).notNull(),
    stateCode: text('state_code').references(() => state.code),
    districtAgs: text('district_ags').references(() => district.ags),
    countryCode: text('country_code'),
  },
  (t) => [
    index('organisation_jurisdiction_org_idx').on(t.organisationId),
    check(
      'organisation_jurisdiction_shape',
      sql`(${t.scope} = 'nationwide' and ${t.stateCode} is null and ${t.districtAgs} is null and ${t.countryCode} is null)
        or (${t.scope} = 'state' and ${t.stateCode} is not null and ${t.districtAgs} is null and ${t.countryCode} is null)
        or (${t.scope} = 'district' and ${t.districtAgs} is not null and ${t.stateCode} is null and ${t.countryCode} is null)
        or (${t.scope} = 'country' and ${t.countryCode} ~ '^[A-Z]{2}$' and ${t.stateCode} is null and ${t.districtAgs} is null)`,
    ),
  ],
);

/**
 * Which recognition bodies of the registry an organisation on the platform is: a state recognition authority
 * (`SN:nurse`), a nationwide body (`zab`) or a crafts chamber; exactly one per row. A registry body is one
 * organisation at most. The journey gives the recognition step to the organisation of the body the registry names
 * as competent for the occupation and state (src/features/registry/competence.ts).
 */
export const organisationRegistryBody = pgTable(
  'organisation_registry_body',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    recognitionAuthorityId: text('recognition_authority_id').references(() => recognitionAuthority.id),
    nationwideBodyId: text('nationwide_body_id').references(() => nationwideBody.id),
    craftsChamberId: text('crafts_chamber_id').references(() => craftsChamber.id),
  },
  (t) => [
    index('organisation_registry_body_org_idx').on(t.organisationId),
    uniqueIndex('organisation_registry_body_authority_unique').on(t.recognitionAuthorityId),
    uniqueIndex('organisation_registry_body_nationwide_unique').on(t.nationwideBodyId),
    uniqueIndex('organisation_registry_body_chamber_unique').on(t.craftsChamberId),
    check(
      'organisation_registry_body_one',
      sql`num_nonnulls(${t.recognitionAuthorityId}, ${t.nationwideBodyId}, ${t.craftsChamberId}) = 1`,
    ),
  ],
);

/** A role a person holds, personally (organisation null) or in an organisation. */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    grantedAt: ts('granted_at').notNull().defaultNow(),
    grantedBy: uuid('granted_by'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('role_assignment_person_idx').on(t.personId),
    index('role_assignment_org_idx').on(t.organisationId),
    check('role_assignment_role_known', sql.raw(`role in (${ROLES.map((r) => `'${r}'`).join(', ')})`)),
  ],
);

/** An applicant's consent that an organisation may see their data and documents. */
export const consent = pgTable(
  'consent',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    scope: text('scope').notNull().default('data-and-documents'),
    grantedAt: ts('granted_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [index('consent_person_idx').on(t.personId), index('consent_org_idx').on(t.organisationId)],
);
