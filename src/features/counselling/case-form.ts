import { z } from 'zod';
import type { FieldError } from '../../platform/http/errors.ts';
import { STATE_CODES } from '../regions/index.ts';
import { OUTCOMES, REFERRALS, TOPICS } from './schema.ts';
import type { CaseInput } from './service.ts';

/** A form field as text, trimmed; a missing field is empty. */
const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());

/** The raw form fields, as the browser sent them (checkboxes as one value or a list). Never fails. */
const caseFields = z.object({
  stateCode: text,
  openedOn: text,
  topic: text,
  applicantPersonId: text,
  referrals: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((r) => typeof r === 'string'),
    z.array(z.string()),
  ),
  outcome: z.preprocess((v) => (typeof v === 'string' && v.trim()) || 'open', z.string()),
  closedOn: text,
}) satisfies z.ZodType<CaseInput>;

/** The fields as typed, to show a refused form again. */
export function formInput(body: unknown): CaseInput {
  return caseFields.parse(body ?? {});
}

/** A day the calendar has: Zod's ISO date knows month lengths and leap years (2023-02-30 is refused). */
const calendarDate = z.iso.date();

/** Topic, referrals, outcome and closing date: the fields of both forms. */
const caseChecks = {
  topic: z.enum(TOPICS),
  referrals: z
    .array(z.string())
    .refine((rs) => rs.every((r) => (REFERRALS as readonly string[]).includes(r))),
  outcome: z.enum(OUTCOMES),
  closedOn: z.union([z.literal(''), calendarDate]),
};

/** A closing date is not before the opening date; checked even when other fields fail, so all errors show at once. */
const closedAfterOpened = (c: { openedOn: string; closedOn: string }) =>
  c.closedOn === '' || !calendarDate.safeParse(c.openedOn).success || c.closedOn >= c.openedOn;
const onClosedOn = {
  path: ['closedOn'],
  when: (p: z.core.ParsePayload) => !p.issues.some((i) => i.path?.[0] === 'closedOn'),
};

/** A new case: the one schema of the new-case form. */
export const newCaseForm = caseFields.pipe(
  z
    .object({
      stateCode: z.enum(STATE_CODES),
      openedOn: calendarDate,
      applicantPersonId: z.union([z.literal(''), z.guid()]),
      ...caseChecks,
    })
    .refine(closedAfterOpened, onClosedOn),
);

/** A change to a case: state and opening day come from the stored case, the applicant is not changed here. */
export const caseChangeForm = caseFields.pipe(
  z
    .object({ stateCode: z.string(), openedOn: z.string(), applicantPersonId: z.string(), ...caseChecks })
    .refine(closedAfterOpened, onClosedOn),
);

const MESSAGE_KEYS: Record<string, string> = {
  stateCode: 'counselling.error.state',
  openedOn: 'counselling.error.opened-on',
  applicantPersonId: 'counselling.error.applicant',
  topic: 'counselling.error.topic',
  referrals: 'counselling.error.referrals',
  outcome: 'counselling.error.outcome',
  closedOn: 'counselling.error.closed-on',
};

/** The page's message for a failing field, from the catalogue. */
export function caseFormMessage(t: (key: string) => string): (error: FieldError) => string {
  return (e) => {
    const key = MESSAGE_KEYS[e.field];
    return key ? t(key) : e.message;
  };
}
