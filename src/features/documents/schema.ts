import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { consent, organisation, person } from '../people/index.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * An uploaded document. The bytes live in the document storage under `storage_key` (128 random
 * bits, hex), never under the uploader's file name; `file_name` is kept for display only.
 */
export const document = pgTable(
  'document',
  {
    id: uuid('id').primaryKey(),
    ownerPersonId: uuid('owner_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    /** The uploader's file name, sanitised, for display and the download name only. */
    fileName: text('file_name').notNull(),
    /** Detected from the content (magic bytes), never from the name or the declared type. */
    mediaType: text('media_type', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** A category of the checklist catalogue (src/features/documents/checklists.ts). */
    category: text('category').notNull(),
    createdAt: ts('created_at').notNull(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('document_owner_idx').on(t.ownerPersonId, t.category),
    check('document_storage_key_hex', sql`${t.storageKey} ~ '^[0-9a-f]{32}$'`),
    check('document_size_positive', sql`${t.sizeBytes} > 0`),
    check('document_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('document_media_type_known', sql`${t.mediaType} in ('application/pdf', 'image/jpeg', 'image/png')`),
  ],
);

/**
 * The owner shares one document, or every document of a category, with an organisation. A share
 * rests on the owner's consent to that organisation (identity's `consent` row): it is effective
 * only while that consent is not withdrawn and the share not revoked. A consent granted again
 * later does not revive shares of the withdrawn one.
 */
export const documentShare = pgTable(
  'document_share',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerPersonId: uuid('owner_person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** The consent the share rests on; when identity deletes it (erasure), the share goes with it. */
    consentId: uuid('consent_id')
      .notNull()
      .references(() => consent.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').references(() => document.id, { onDelete: 'cascade' }),
    category: text('category'),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    index('document_share_owner_org_idx').on(t.ownerPersonId, t.organisationId),
    index('document_share_document_idx').on(t.documentId),
    check('document_share_target', sql`(${t.documentId} is null) <> (${t.category} is null)`),
  ],
);

/** One line of a stored checklist: a document category, whether it is required and who provides it. */
export type StoredChecklistItem = {
  readonly category: string;
  readonly required: boolean;
  readonly providedBy: 'applicant' | 'employer';
};

/**
 * The standard checklists all six states share (issue 15, V2.3 "Vereinheitlichung"): one row per version of the
 * checklist of a step kind for a pathway (a residence title), or for every pathway (`pathway` null). Rows are never
 * overwritten: the latest version is the current one. Without a row the code catalogue (checklists.ts) is version 1.
 */
export const documentChecklistVersion = pgTable(
  'document_checklist_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stepKind: text('step_kind').notNull(),
    pathway: text('pathway'),
    version: integer('version').notNull(),
    items: jsonb('items').$type<StoredChecklistItem[]>().notNull(),
    /** The ministry officer who edited it; kept empty when their account is erased (the audit trail stays). */
    editedBy: uuid('edited_by').references(() => person.id, { onDelete: 'set null' }),
    editedAt: ts('edited_at').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    unique('document_checklist_version_key').on(t.stepKind, t.pathway, t.version).nullsNotDistinct(),
    check('document_checklist_version_from_2', sql`${t.version} >= 2`),
    check('document_checklist_reason_given', sql`length(trim(${t.reason})) > 0`),
  ],
);
