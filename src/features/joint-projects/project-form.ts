/**
 * The form that starts a joint project: the one Zod schema of its fields, and the fields as sent (to show a refused
 * form again). The budget is typed in euros with cents; a negotiated table has one weight (or percentage) per
 * participating state, renormalised over them.
 */
import { z } from 'zod';
import { centsFromEuros, KEY_KINDS, MAX_TOTAL_CENTS } from '../../domain/workspace/cost-sharing.ts';
import { STATE_CODES } from '../regions/index.ts';

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());
const many = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' && v ? [v] : []),
  z.array(z.string()),
);

/** The weight field of a state in a negotiated table. */
export const weightField = (state: string) => `weight-${state}`;

const projectFields = z.object({
  title: text,
  description: text,
  states: many,
  leadState: text,
  budget: text,
  keyKind: text,
  keyYear: text,
  ...Object.fromEntries(STATE_CODES.map((s) => [weightField(s), text])),
});
export type ProjectInput = {
  title: string;
  description: string;
  states: string[];
  leadState: string;
  budget: string;
  keyKind: string;
  keyYear: string;
  weights: Record<string, string>;
};

/** The fields as the browser sent them, trimmed (never fails). */
export function projectInput(body: unknown): ProjectInput {
  const v = projectFields.parse(body ?? {}) as Record<string, unknown> & z.output<typeof projectFields>;
  return {
    title: v.title,
    description: v.description,
    states: v.states,
    leadState: v.leadState,
    budget: v.budget,
    keyKind: v.keyKind,
    keyYear: v.keyYear,
    weights: Object.fromEntries(STATE_CODES.map((s) => [s, String(v[weightField(s)] ?? '')])),
  };
}

/** A weight or percentage: up to nine digits, a comma or point and up to four decimals. */
export function weightOf(raw: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,4}))?\s*%?$/.exec(raw.trim());
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
}

/** The one schema of the form; `years` are the Königstein key years with figures for all six states. */
export function projectForm(years: readonly string[]) {
  return projectFields.pipe(
    z
      .object({
        title: z.string().min(3).max(200),
        description: z.string().max(4000),
        states: z.array(z.enum(STATE_CODES)).refine((s) => new Set(s).size >= 2, 'min-two'),
        leadState: z.string(),
        budget: z.string(),
        keyKind: z.enum(KEY_KINDS),
        keyYear: z.string(),
      })
      .catchall(z.string())
      .superRefine((v, ctx) => {
        const issue = (path: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [path], message });
        const states = [...new Set(v.states)];
        if (states.length >= 2 && !states.includes(v.leadState as (typeof states)[number]))
          issue('leadState', 'participating');
        const cents = centsFromEuros(v.budget);
        if (cents === null || cents <= 0 || cents > MAX_TOTAL_CENTS) issue('budget', 'positive');
        if (v.keyKind === 'koenigstein' && !years.includes(v.keyYear)) issue('keyYear', 'enum');
        if (v.keyKind !== 'negotiated') return;
        let sum = 0;
        for (const s of states) {
          const w = weightOf(String(v[weightField(s)] ?? ''));
          if (w === null) issue(weightField(s), 'number');
          else sum += w;
        }
        if (states.every((s) => weightOf(String(v[weightField(s)] ?? '')) !== null) && sum <= 0)
          issue('weights', 'sum-positive');
      })
      .transform((v) => {
        const states = [...new Set(v.states)].sort();
        return {
          title: v.title,
          description: v.description,
          leadStateCode: v.leadState,
          states,
          budgetCents: centsFromEuros(v.budget) ?? 0,
          keyKind: v.keyKind,
          keyYear: v.keyKind === 'koenigstein' ? v.keyYear : null,
          weights:
            v.keyKind === 'negotiated'
              ? Object.fromEntries(states.map((s) => [s, weightOf(String(v[weightField(s)] ?? '')) ?? 0]))
              : null,
        };
      }),
  );
}
