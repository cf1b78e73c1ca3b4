import { and, desc, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, parseInput } from '../../platform/http/errors.ts';
import { auditActor, type ChangeActor } from './actor.ts';
import {
  craftsChamber,
  mission,
  nationwideBody,
  occupation,
  recognitionAuthority,
  registryChange,
} from './schema.ts';

const optionalText = (max: number) => z.string().trim().max(max).nullable();
const required = (max: number) => z.string().trim().min(1, { error: 'is required' }).max(max);
const provenanceFields = {
  source: required(2000),
  asOf: z.iso.date({ error: 'must be a date YYYY-MM-DD' }),
  confidence: z.enum(['high', 'medium', 'low']),
  verified: z.boolean(),
};

/** The tables an administrator may correct, their key column and the fields that may change. */
const CORRECTABLE = {
  'recognition-authority': {
    table: recognitionAuthority,
    key: recognitionAuthority.id,
    fields: z.strictObject({
      authority: required(500),
      address: optionalText(300),
      email: optionalText(200),
      legalBasis: required(500),
      fees: optionalText(500),
      notes: optionalText(2000),
      ...provenanceFields,
    }),
  },
  occupation: {
    table: occupation,
    key: occupation.kldb,
    fields: z.strictObject({
      titleDe: required(300),
      titleEn: required(300),
      isco08: z.string().regex(/^[0-9]{4}$/),
      regulated: z.boolean(),
      regulatedNote: required(500),
      legalBasis: optionalText(300),
      shortage: z.boolean(),
      notes: optionalText(2000),
      ...provenanceFields,
    }),
  },
  'nationwide-body': {
    table: nationwideBody,
    key: nationwideBody.id,
    fields: z.strictObject({
      name: required(500),
      address: optionalText(300),
      legalBasis: required(500),
      fees: optionalText(500),
      notes: optionalText(2000),
      ...provenanceFields,
    }),
  },
  'crafts-chamber': {
    table: craftsChamber,
    key: craftsChamber.id,
    fields: z.strictObject({
      name: required(300),
      seat: required(200),
      notes: optionalText(2000),
      ...provenanceFields,
    }),
  },
  mission: {
    table: mission,
    key: mission.id,
    fields: z.strictObject({
      name: required(300),
      city: required(200),
      visaSection: z.boolean(),
      region: optionalText(1000),
      notes: optionalText(2000),
      ...provenanceFields,
    }),
  },
} as const satisfies Record<string, { table: PgTable; key: AnyPgColumn; fields: z.ZodObject }>;

export type CorrectableTable = keyof typeof CORRECTABLE;
export const CORRECTABLE_TABLES = Object.keys(CORRECTABLE) as CorrectableTable[];

export const correctionBody = z.strictObject({
  changes: z.record(z.string(), z.unknown()),
  reason: required(500),
});
export type CorrectionInput = z.output<typeof correctionBody>;

/**
 * Administrators correct registry rows; every change keeps its history (who, when, why, before,
 * after) in registry_change and an entry in the audit trail, in the same transaction.
 */
export function createCorrectionsService(
  db: Database,
  onChange: () => void,
  now: () => Date = () => new Date(),
) {
  async function correct(actor: ChangeActor, tableName: string, key: string, input: CorrectionInput) {
    // Own keys only: `constructor`, `__proto__` or `toString` are names of every object, not tables.
    const spec = Object.hasOwn(CORRECTABLE, tableName)
      ? CORRECTABLE[tableName as CorrectableTable]
      : undefined;
    if (!spec) {
      throw new AppError('not-found', {
        errors: [
          { field: 'params.table', rule: 'enum', message: `must be one of ${CORRECTABLE_TABLES.join(', ')}` },
        ],
      });
    }
    const { changes, reason } = input;
    // Which fields may change depends on the table in the path, so the service checks them.
    const patch = parseInput(spec.fields.partial(), changes, 'body.changes') as Record<string, unknown>;
    if (Object.keys(patch).length === 0) {
      throw new AppError('validation-failed', {
        errors: [{ field: 'body.changes', rule: 'min:1', message: 'name at least one field to change' }],
      });
    }
    const at = now();
    const result = await db.transaction(async (tx) => {
      const [before] = (await tx.select().from(spec.table).where(eq(spec.key, key)).for('update')) as Record<
        string,
        unknown
      >[];
      if (!before) {
        throw new AppError('not-found', {
          errors: [{ field: 'params.key', rule: 'exists', message: 'no row with this key' }],
        });
      }
      const [after] = (await tx.update(spec.table).set(patch).where(eq(spec.key, key)).returning()) as Record<
        string,
        unknown
      >[];
      const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, after?.[k]]));
      const previous = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k]]));
      const [change] = await tx
        .insert(registryChange)
        .values({
          tableName,
          rowKey: key,
          actor: actor.personId,
          at,
          reason,
          before: previous,
          after: changed,
        })
        .returning({ id: registryChange.id });
      await appendAudit(
        tx,
        {
          ...auditActor(actor),
          action: 'registry.correct',
          objectType: tableName,
          objectId: key,
          purpose: reason.slice(0, 200),
          result: 'success',
        },
        at,
      );
      return { changeId: change?.id, before: previous, after: changed };
    });
    onChange();
    return result;
  }

  function history(tableName: string, key: string) {
    return db
      .select()
      .from(registryChange)
      .where(and(eq(registryChange.tableName, tableName), eq(registryChange.rowKey, key)))
      .orderBy(desc(registryChange.at));
  }

  return { correct, history };
}
