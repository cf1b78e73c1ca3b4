import { bigserial, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit trail. Each entry carries the SHA-256 of the previous entry's hash (in its
 * chain) and its own canonical form, so that altering or removing an entry breaks the chain
 * (`chancenregion audit verify`). A trigger refuses UPDATE, DELETE and TRUNCATE. Entries are spread
 * over a fixed number of chains by the person they concern, so that appends about different people
 * do not wait for each other (ADR 0007).
 * No foreign keys: entries outlive the people and organisations they name.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    /** Which of the parallel chains the entry belongs to (0 … AUDIT_CHAINS − 1). */
    chain: smallint('chain').notNull().default(0),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorPersonId: uuid('actor_person_id'),
    actorRole: text('actor_role'),
    actorOrganisationId: uuid('actor_organisation_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    /** The person whose data was touched: "Wer hat meine Daten gesehen?" reads by this column. */
    subjectPersonId: uuid('subject_person_id'),
    purpose: text('purpose').notNull(),
    result: text('result', { enum: ['success', 'denied', 'failure'] }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectPersonId, t.seq),
    index('audit_actor_idx').on(t.actorPersonId),
    index('audit_chain_idx').on(t.chain, t.seq),
  ],
);
