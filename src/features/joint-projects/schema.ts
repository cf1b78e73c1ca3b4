// Joint projects of the states and how their costs are shared (issue 17, agreement V4): the project with its budget
// and key, each participating state's share as calculated (with the key figure, its period and source used then),
// each state's answer, and the history of creation, answers and recalculations.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { KEY_KINDS } from '../../domain/workspace/cost-sharing.ts';
import { organisation, person } from '../people/index.ts';
import { state } from '../regions/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** A state's answer to a project and its split. */
export const ANSWERS = ['agreed', 'declined'] as const;
export type Answer = (typeof ANSWERS)[number];

/** What the history of a project records. */
export const PROJECT_EVENTS = ['created', 'agreed', 'declined', 'recalculated'] as const;
export type ProjectEvent = (typeof PROJECT_EVENTS)[number];

export const jointProject = pgTable(
  'joint_project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    leadStateCode: text('lead_state_code')
      .notNull()
      .references(() => state.code),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull().default('EUR'),
    keyKind: text('key_kind', { enum: KEY_KINDS }).notNull(),
    /** The Königstein key year; null for the other keys (population takes each state's latest figure). */
    keyYear: text('key_year'),
    /** State code → weight as entered, for a negotiated table only. */
    negotiatedWeights: jsonb('negotiated_weights').$type<Record<string, number>>(),
    /** When the shares were last calculated (at creation, or by an explicit recalculation). */
    calculatedAt: ts('calculated_at').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisation.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('joint_project_created_idx').on(t.createdAt),
    check('joint_project_budget', sql`${t.budgetCents} > 0`),
    check('joint_project_currency', sql`${t.currency} = 'EUR'`),
    check('joint_project_key_kind', sql.raw(`key_kind in (${list(KEY_KINDS)})`)),
    check('joint_project_key_year', sql`(${t.keyKind} = 'koenigstein') = (${t.keyYear} is not null)`),
    check('joint_project_weights', sql`(${t.keyKind} = 'negotiated') = (${t.negotiatedWeights} is not null)`),
  ],
);

/** A participating state: its share as calculated, with the key figure used then, and its answer. */
export const jointProjectState = pgTable(
  'joint_project_state',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => jointProject.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    /** The key figure used (a percentage, a population, 1 for equal shares, the negotiated weight). */
    keyValue: doublePrecision('key_value').notNull(),
    /** The figure's period (key year or reference date) and source; null for equal and negotiated shares. */
    keyPeriod: text('key_period'),
    keySource: text('key_source'),
    /** False when the figure comes from research marked unverified (the page says so). */
    keyVerified: boolean('key_verified').notNull().default(true),
    shareCents: bigint('share_cents', { mode: 'number' }).notNull(),
    answer: text('answer', { enum: ANSWERS }),
    answeredBy: uuid('answered_by').references(() => person.id, { onDelete: 'set null' }),
    answeredByOrganisationId: uuid('answered_by_organisation_id').references(() => organisation.id),
    answeredAt: ts('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.stateCode] }),
    index('joint_project_state_state_idx').on(t.stateCode),
    check('joint_project_state_share', sql`${t.shareCents} >= 0 and ${t.keyValue} >= 0`),
    check('joint_project_state_answer', sql.raw(`answer is null or answer in (${list(ANSWERS)})`)),
    check('joint_project_state_answered', sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);

/** The history of a project: who did what when; a recalculation keeps the shares before and after. Never changed. */
export const jointProjectEvent = pgTable(
  'joint_project_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => jointProject.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PROJECT_EVENTS }).notNull(),
    /** The state that answered (agreed, declined). */
    stateCode: text('state_code').references(() => state.code),
    actorPersonId: uuid('actor_person_id').references(() => person.id, { onDelete: 'set null' }),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisation.id),
    /** For a recalculation: state code → cents before and after. */
    detail: jsonb('detail').$type<Record<string, { before: number; after: number }>>(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('joint_project_event_project_idx').on(t.projectId, t.at),
    check('joint_project_event_kind', sql.raw(`kind in (${list(PROJECT_EVENTS)})`)),
  ],
);
