import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar.ts';
import {
  FEDERAL_PROFESSIONS,
  SIX_STATES,
  STATE_LAW_PROFESSIONS,
} from '../../domain/recognition/portability.ts';
import {
  canonicalJson,
  checkContent,
  formatCode,
  RECORD_VERSION,
  type RecordContent,
  type RecordPayload,
} from '../../domain/recognition/record.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, parseInput } from '../../platform/http/errors.ts';
import { auditActor, type ChangeActor } from './actor.ts';
import { recognitionRecord, recognitionRecordEvent } from './schema.ts';
import { type SigningKey, verifySignature } from './signing.ts';

const isoDate = z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });

export const RECORD_PROFESSIONS = [
  ...FEDERAL_PROFESSIONS,
  ...STATE_LAW_PROFESSIONS,
  'ihk-fosa',
  'hwk',
  'zab',
] as const;

/** One schema for the recognition officer's form and the API: a decision, or an existing paper notice. */
export const recordBody = z.strictObject({
  person: z.strictObject({ name: text(200), birthDate: isoDate }),
  profession: z.strictObject({
    title: text(200),
    /** The registry's profession key; decides the scope (federal law counts everywhere). */
    key: z.enum(RECORD_PROFESSIONS, { error: `must be one of ${RECORD_PROFESSIONS.join(', ')}` }),
    kldb: z
      .string()
      .regex(/^[0-9]{5}$/, { error: 'must be a five-digit KldB 2010 code' })
      .nullable()
      .default(null),
  }),
  equivalence: z.enum(['full', 'partial'], { error: 'must be full or partial' }),
  adjustmentMeasures: z.array(text(300)).max(10).default([]),
  authority: text(300),
  legalBasis: text(300),
  decisionDate: isoDate,
  issuingState: z.enum(SIX_STATES, { error: `must be one of ${SIX_STATES.join(', ')}` }),
  noticeReference: text(100).nullable().default(null),
});

export type RecordRow = typeof recognitionRecord.$inferSelect;
export type RecordEventRow = typeof recognitionRecordEvent.$inferSelect;

export interface VerifiedRecord {
  row: RecordRow;
  payload: RecordPayload;
  events: RecordEventRow[];
  /** The signature matches the stored text and the text matches the stored content. */
  signatureValid: boolean;
  status: 'valid' | 'withdrawn';
}

const MESSAGES: Record<string, string> = {
  'required-for-partial': 'partial equivalence needs the required adjustment measures',
  'empty-for-full': 'full equivalence has no adjustment measures',
  'not-in-future': 'must not be in the future',
  'before-decision': 'must be before the decision date',
};

export interface RecordsServiceOptions {
  now?: () => Date;
  random?: (n: number) => Uint8Array;
}

export function createRecordsService(db: Database, key: () => SigningKey, opts: RecordsServiceOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const random = opts.random ?? ((n: number) => randomBytes(n));

  /** Records a decision and issues the signed record; the decision, its history and the audit entry commit together. */
  async function issue(actor: ChangeActor, body: unknown) {
    const content: RecordContent = parseInput(recordBody, body, 'body');
    const at = now();
    const problems = checkContent(content, at.toISOString().slice(0, 10));
    if (problems.length > 0) {
      throw new AppError('validation-failed', {
        errors: problems.map((p) => ({
          field: `body.${p.field}`,
          rule: p.rule,
          message: MESSAGES[p.rule] ?? p.rule,
        })),
      });
    }
    const signing = key();
    const code = formatCode(random(10));
    const payload: RecordPayload = {
      ...content,
      v: RECORD_VERSION,
      code,
      issuedAt: at.toISOString(),
      keyId: signing.keyId,
    };
    const signedText = canonicalJson(payload);
    const signature = signing.sign(signedText);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(recognitionRecord)
        .values({
          code,
          payload,
          signedText,
          signature,
          keyId: signing.keyId,
          status: 'valid',
          issuedAt: at,
          issuedBy: actor.personId,
        })
        .returning();
      if (!row) throw new AppError('internal');
      await tx
        .insert(recognitionRecordEvent)
        .values({ recordId: row.id, action: 'issued', actor: actor.personId, at });
      await appendAudit(
        tx,
        {
          ...auditActor(actor),
          action: 'recognition-record.issue',
          objectType: 'recognition-record',
          objectId: row.id,
          purpose: 'recording a recognition decision',
          result: 'success',
        },
        at,
      );
      return { id: row.id, code, payload, signedText, signature, keyId: signing.keyId };
    });
  }

  /** Withdraws a record (the decision was revoked or entered in error); the record stays verifiable as withdrawn. */
  async function withdraw(actor: ChangeActor, code: string, reason: string) {
    const why = reason.trim();
    if (why.length === 0 || why.length > 500) {
      throw new AppError('validation-failed', {
        errors: [
          { field: 'body.reason', rule: 'required', message: 'give a reason of at most 500 characters' },
        ],
      });
    }
    const at = now();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(recognitionRecord)
        .where(eq(recognitionRecord.code, code))
        .for('update');
      if (!row) {
        throw new AppError('not-found', {
          errors: [
            { field: 'params.code', rule: 'exists', message: 'no record with this verification code' },
          ],
        });
      }
      if (row.status === 'withdrawn')
        throw new AppError('conflict', { detail: 'The record is already withdrawn.' });
      await tx
        .update(recognitionRecord)
        .set({ status: 'withdrawn', withdrawnAt: at, withdrawnReason: why })
        .where(eq(recognitionRecord.id, row.id));
      await tx
        .insert(recognitionRecordEvent)
        .values({ recordId: row.id, action: 'withdrawn', actor: actor.personId, at, reason: why });
      await appendAudit(
        tx,
        {
          ...auditActor(actor),
          action: 'recognition-record.withdraw',
          objectType: 'recognition-record',
          objectId: row.id,
          purpose: 'withdrawing a recognition record',
          result: 'success',
        },
        at,
      );
    });
  }

  /** The record behind a verification code, with its signature checked against the platform key. */
  async function find(code: string): Promise<VerifiedRecord | null> {
    const [row] = await db.select().from(recognitionRecord).where(eq(recognitionRecord.code, code));
    if (!row) return null;
    const events = await db
      .select()
      .from(recognitionRecordEvent)
      .where(eq(recognitionRecordEvent.recordId, row.id))
      .orderBy(asc(recognitionRecordEvent.at));
    const payload = row.payload as RecordPayload;
    const signing = key();
    const signatureValid =
      row.keyId === signing.keyId &&
      canonicalJson(payload) === row.signedText &&
      verifySignature(row.signedText, row.signature, signing.publicKeyPem);
    return { row, payload, events, signatureValid, status: row.status };
  }

  return { issue, withdraw, find };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
