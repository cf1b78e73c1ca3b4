/** Input schemas of the journey API and forms (Zod): open a journey, and every command. */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar.ts';
import {
  DECISION_OUTCOMES,
  FAMILY_RELATIONSHIPS,
  FAMILY_TRAVEL,
  FEE_REFERENCE_MAX,
  REGULATIONS,
  STEP_KINDS,
} from '../../domain/journey/index.ts';
import { LOCATIONS, PATHWAY_IDS, QUALIFICATION_KINDS, VARIANTS } from '../../domain/law/index.ts';
import { SIX_STATES } from '../../domain/recognition/portability.ts';
import { AppError } from '../../platform/http/errors.ts';
import { RECORD_PROFESSIONS } from '../registry/index.ts';
import type { StepCommandInput } from './service.ts';

const STATES = SIX_STATES;

/** Facts as a client sends them; `linkedTo` is not among them: only the family-members route links a journey. */
export const factsSchema = z.strictObject({
  pathway: z.enum(PATHWAY_IDS),
  variant: z.enum(VARIANTS).optional(),
  baApproval: z.boolean().nullable().optional(),
  qualification: z.strictObject({ kind: z.enum(QUALIFICATION_KINDS), regulation: z.enum(REGULATIONS) }),
  employerUses81a: z.boolean().default(false),
  location: z.enum(LOCATIONS),
});

export const openSchema = z.strictObject({
  facts: factsSchema,
  occupation: z.string().trim().min(1).max(200).nullable().default(null),
  place: z.strictObject({
    stateCode: z.enum(STATES, { error: `must be one of ${STATES.join(', ')}` }),
    districtAgs: z
      .string()
      .regex(/^[0-9]{5}$/, { error: 'must be a five-digit district key (AGS)' })
      .nullable()
      .default(null),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' })
      .nullable()
      .default(null),
  }),
});

/**
 * A family member the principal adds to their journey (`POST /journeys/{id}/family-members`): who they are, when
 * they come, and the address their invitation goes to. The age rules need the day: the service checks them.
 */
export const familyMemberSchema = z.strictObject({
  relationship: z.enum(FAMILY_RELATIONSHIPS),
  name: z.string().trim().min(1).max(200),
  birthDate: z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' }),
  travel: z.enum(FAMILY_TRAVEL),
  email: z.email().max(320),
});
export type FamilyMemberInput = z.output<typeof familyMemberSchema>;

const step = z.enum(STEP_KINDS);

/**
 * What the recognition officer adds to a positive or partial recognition decision so that the registry's
 * recognition record can be issued (the rest comes from the journey: name, authority, state, day).
 */
export const recordInput = z.strictObject({
  birthDate: z.string().refine(isIsoDate, { error: 'must be a date YYYY-MM-DD' }),
  professionKey: z.enum(RECORD_PROFESSIONS),
  professionTitle: z.string().trim().min(1).max(200),
  kldb: z
    .string()
    .regex(/^[0-9]{5}$/)
    .nullable()
    .default(null),
  adjustmentMeasures: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  legalBasis: z.string().trim().min(1).max(300),
  noticeReference: z.string().trim().min(1).max(100).nullable().default(null),
});
export type RecordInput = z.output<typeof recordInput>;
const documents = z.array(z.uuid()).max(50);

export const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('change-facts'), facts: factsSchema }),
  z.strictObject({ type: z.literal('invite-employer'), employerId: z.uuid() }),
  z.strictObject({ type: z.literal('start-accelerated-procedure'), powerOfAttorney: z.boolean() }),
  z.strictObject({
    type: z.literal('record-fee-payment'),
    reference: z.string().trim().min(1).max(FEE_REFERENCE_MAX),
  }),
  z.strictObject({ type: z.literal('assign-owner'), step, owner: z.uuid() }),
  z.strictObject({ type: z.literal('submit'), step, documents: documents.optional() }),
  z.strictObject({ type: z.literal('start-review'), step }),
  z.strictObject({
    type: z.literal('request-documents'),
    step,
    missing: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  }),
  z.strictObject({ type: z.literal('submit-documents'), step, documents }),
  z.strictObject({ type: z.literal('documents-complete'), step }),
  z.strictObject({ type: z.literal('attach-documents'), step, documents: documents.min(1) }),
  z.strictObject({
    type: z.literal('decide'),
    step,
    outcome: z.enum(DECISION_OUTCOMES),
    reason: z.string().trim().min(1).max(4000).optional(),
    record: recordInput.optional(),
  }),
  z.strictObject({ type: z.literal('record-deemed-approval'), step }),
  z.strictObject({ type: z.literal('withdraw'), step }),
]);

export type ParsedCommand = z.output<typeof commandSchema>;

/** The parsed command in the shape of the core (optional fields left out when absent). */
export function toCommandInput(c: ParsedCommand): StepCommandInput {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (v !== undefined && k !== 'record') out[k] = v;
  return out as StepCommandInput;
}

/** The record data of a decision that must issue a recognition record, or null when none is due. */
export function recordDue(
  c: ParsedCommand,
): { outcome: 'positive' | 'partial'; record: RecordInput | undefined } | null {
  if (c.type !== 'decide' || c.step !== 'recognition' || c.outcome === 'negative') return null;
  return { outcome: c.outcome, record: c.record };
}

/** The `Idempotency-Key` header: 1–200 visible ASCII characters, or absent. */
export function idempotencyKeyOf(headers: Record<string, unknown>): string | null {
  const raw = headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(raw)) {
    throw new AppError('validation-failed', {
      errors: [
        {
          field: 'header.idempotency-key',
          rule: 'format',
          message: 'must be 1–200 visible ASCII characters',
        },
      ],
    });
  }
  return raw;
}
