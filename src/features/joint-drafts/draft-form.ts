/**
 * The form that starts a joint draft: the one Zod schema of its fields, and the fields as sent (to show a refused
 * form again). Dates are typed as people type them (`20.01.2027`); the text's paragraphs are separated by blank lines.
 */
import { z } from 'zod';
import {
  checkDates,
  checkText,
  DRAFT_KINDS,
  DRAFT_TARGETS,
  MAX_DRAFT_STATES,
  MIN_DRAFT_STATES,
} from '../../domain/workspace/drafts.ts';
import { isoFromInput } from '../../web/forms.ts';
import { STATE_CODES } from '../regions/index.ts';

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());
const many = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' && v ? [v] : []),
  z.array(z.string()),
);

const draftFields = z.object({
  kind: text,
  title: text,
  target: text,
  targetDate: text,
  deadline: text,
  states: many,
  text: text,
});
export type DraftInput = z.output<typeof draftFields>;

/** The fields as the browser sent them, trimmed (never fails). */
export const draftInput = (body: unknown): DraftInput => draftFields.parse(body ?? {});

/** The one schema of the form; `today` is the first day a deadline may be. */
export function draftForm(today: string) {
  return draftFields.pipe(
    z
      .object({
        kind: z.enum(DRAFT_KINDS),
        title: z.string().min(3).max(200),
        target: z.enum(DRAFT_TARGETS),
        targetDate: z.string(),
        deadline: z.string(),
        states: z
          .array(z.enum(STATE_CODES))
          .refine(
            (s) => new Set(s).size >= MIN_DRAFT_STATES && new Set(s).size <= MAX_DRAFT_STATES,
            'two-to-six',
          ),
        text: z.string(),
      })
      .superRefine((v, ctx) => {
        const dates = checkDates(
          { targetDate: isoFromInput(v.targetDate), deadline: isoFromInput(v.deadline) },
          today,
        );
        if (!dates.ok) ctx.addIssue({ code: 'custom', path: [dates.field], message: dates.rule });
        const body = checkText(v.text);
        if (!body.ok) ctx.addIssue({ code: 'custom', path: ['text'], message: body.rule });
      })
      .transform((v) => ({
        kind: v.kind,
        title: v.title,
        target: v.target,
        targetDate: isoFromInput(v.targetDate),
        deadline: isoFromInput(v.deadline),
        states: [...new Set(v.states)].sort(),
        text: (checkText(v.text) as { text: string }).text,
      })),
  );
}
