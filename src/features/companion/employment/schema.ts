// The employer's confirmation of a § 104c holder's employment (issue 18): the holder's consent to one employer
// organisation, and what that employer confirmed (start, hours, pay, contract end) as evidence for the livelihood
// condition. One row per consent; withdrawing keeps the row (with its date) and ends the employer's access.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisation, person } from '../../people/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const companionEmployment = pgTable(
  'companion_employment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    consentedAt: ts('consented_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: uuid('confirmed_by').references(() => person.id, { onDelete: 'set null' }),
    startedOn: date('started_on', { mode: 'string' }),
    hoursPerWeek: integer('hours_per_week'),
    monthlyGrossEur: integer('monthly_gross_eur'),
    /** True: no end date (unlimited contract); false: `contractEndsOn` is the last day. */
    permanent: boolean('permanent'),
    contractEndsOn: date('contract_ends_on', { mode: 'string' }),
  },
  (t) => [
    index('companion_employment_person_idx').on(t.personId),
    index('companion_employment_org_idx').on(t.organisationId),
    uniqueIndex('companion_employment_open_uq')
      .on(t.personId, t.organisationId)
      .where(sql`${t.withdrawnAt} is null`),
    check(
      'companion_employment_confirmed_whole',
      sql`${t.confirmedAt} is null or (${t.startedOn} is not null and ${t.hoursPerWeek} between 1 and 60
        and ${t.monthlyGrossEur} between 1 and 100000 and ${t.permanent} is not null
        and (${t.permanent} or ${t.contractEndsOn} > ${t.startedOn}))`,
    ),
  ],
);
