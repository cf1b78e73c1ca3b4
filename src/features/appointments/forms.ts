/**
 * The one schema per form of the appointment pages (Zod): the request an applicant files, the service point's
 * weekly plan, a day of less capacity, and the answers to an offer. Field names are the form's; errors name them.
 */
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar.ts';
import { isTimeZone, parseClock } from '../../domain/capacity/slots.ts';
import { isCountryCode } from '../../web/countries.ts';
import { isoFromInput } from '../../web/forms.ts';
import { SERVICE_TYPES } from './schema.ts';

const checkbox = z
  .union([z.literal('yes'), z.literal('')])
  .optional()
  .transform((v) => v === 'yes');
const day = z.string().transform(isoFromInput).refine(isIsoDate, { error: 'must be a date' });

/** A passport number as printed: letters and digits, spaces allowed (removed before hashing). */
export const passportNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9 ]{5,20}$/, { error: 'must be 5 to 20 letters or digits' });

export const requestForm = z.object({
  journeyId: z.uuid(),
  serviceType: z.enum(SERVICE_TYPES),
  passportNumber,
  nationality: z.string().refine(isCountryCode, { error: 'must be a country' }),
  birthDate: day,
  acceptsEarlierSlots: checkbox,
  shortNoticeOk: checkbox,
});
export type RequestForm = z.output<typeof requestForm>;

const slots = z.coerce.number().int().min(0).max(60);

export const serviceForm = z.object({
  serviceType: z.enum(SERVICE_TYPES),
  active: checkbox,
  slotMinutes: z.coerce.number().int().min(5).max(240),
  targetWeeks: z.coerce.number().int().min(1).max(52),
  mon: slots,
  tue: slots,
  wed: slots,
  thu: slots,
  fri: slots,
  firstStart: z
    .string()
    .trim()
    .refine((v) => parseClock(v) !== null, { error: 'must be a time HH:MM' }),
  timeZone: z.string().trim().refine(isTimeZone, { error: 'must be a time zone' }),
});
export type ServiceForm = z.output<typeof serviceForm>;

export const dayForm = z.object({
  serviceType: z.enum(SERVICE_TYPES),
  day,
  slots: z.union([z.literal(''), z.coerce.number().int().min(0).max(60)]),
  reason: z.string().trim().max(200),
});

export const ANSWERS = [
  'accept',
  'decline',
  'withdraw',
  'reconfirm',
  'accept-earlier',
  'keep-current',
  'earlier-on',
  'earlier-off',
] as const;
export const answerForm = z.object({ answer: z.enum(ANSWERS) });

export const staffActionForm = z.object({
  action: z.enum(['documents-checked', 'attended', 'no-show', 'run']),
  requestId: z.uuid().optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
});
