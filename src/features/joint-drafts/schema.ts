// Joint drafts of the states (issue 17, agreement V4): a resolution proposal, statement or Bundesrat initiative for a
// conference, its participating states, its versions (full text), comments per paragraph of a version, every
// state's sign-offs (never changed: the history of who agreed to which version) and the reminders sent.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { DECISIONS, DRAFT_KINDS, DRAFT_TARGETS } from '../../domain/workspace/drafts.ts';
import { organisation, person } from '../people/index.ts';
import { state } from '../regions/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const day = (name: string) => date(name, { mode: 'string' });

export const jointDraft = pgTable(
  'joint_draft',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: DRAFT_KINDS }).notNull(),
    title: text('title').notNull(),
    target: text('target', { enum: DRAFT_TARGETS }).notNull(),
    /** The day of the conference (or the Bundesrat's session). */
    targetDate: day('target_date').notNull(),
    /** The day by which every participating state signs off. */
    deadline: day('deadline').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdByOrganisationId: uuid('created_by_organisation_id').references(() => organisation.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('joint_draft_created_idx').on(t.createdAt),
    check('joint_draft_kind', sql.raw(`kind in (${list(DRAFT_KINDS)})`)),
    check('joint_draft_target', sql.raw(`target in (${list(DRAFT_TARGETS)})`)),
    check('joint_draft_deadline', sql`${t.deadline} <= ${t.targetDate}`),
  ],
);

/** A participating state of a draft. */
export const jointDraftState = pgTable(
  'joint_draft_state',
  {
    draftId: uuid('draft_id')
      .notNull()
      .references(() => jointDraft.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.stateCode] })],
);

/** A version of a draft: the full text, paragraphs separated by one blank line. Never changed. */
export const jointDraftVersion = pgTable(
  'joint_draft_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => jointDraft.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    /** The state whose officer wrote it. */
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    unique('joint_draft_version_number').on(t.draftId, t.number),
    check('joint_draft_version_number_positive', sql`${t.number} >= 1`),
  ],
);

/** A comment on one paragraph (1-based) of a version, by an officer of a participating state. */
export const jointDraftComment = pgTable(
  'joint_draft_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => jointDraftVersion.id, { onDelete: 'cascade' }),
    paragraph: integer('paragraph').notNull(),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    body: text('body').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('joint_draft_comment_version_idx').on(t.versionId, t.paragraph),
    check('joint_draft_comment_paragraph', sql`${t.paragraph} >= 1`),
  ],
);

/** A state's sign-off on one version; a later one on the same version replaces it for the status, not the history. */
export const jointDraftSignOff = pgTable(
  'joint_draft_sign_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => jointDraft.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => jointDraftVersion.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    /** Required to agree with remarks and to decline; none to agree. */
    remarks: text('remarks'),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    at: ts('at').notNull(),
  },
  (t) => [
    index('joint_draft_sign_off_draft_idx').on(t.draftId, t.at),
    check('joint_draft_sign_off_decision', sql.raw(`decision in (${list(DECISIONS)})`)),
    check('joint_draft_sign_off_remarks', sql`(${t.decision} = 'agree') = (${t.remarks} is null)`),
  ],
);

/** A reminder mailed to a state's officers on one day (at most one per draft, state and day). */
export const jointDraftReminder = pgTable(
  'joint_draft_reminder',
  {
    draftId: uuid('draft_id')
      .notNull()
      .references(() => jointDraft.id, { onDelete: 'cascade' }),
    stateCode: text('state_code')
      .notNull()
      .references(() => state.code),
    day: day('day').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.draftId, t.stateCode, t.day] })],
);
