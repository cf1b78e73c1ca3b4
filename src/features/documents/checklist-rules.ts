/**
 * The pure rules of the standard checklists (issue 15, V2.3): what an officer may enter (items, reason), how the
 * form's fields become items, and what changed between two versions (for the history, in words).
 */
import { z } from 'zod';
import { STEP_KINDS, type StepKind } from '../../domain/journey/types.ts';
import { PATHWAY_IDS, type PathwayId } from '../../domain/law/types.ts';
import { DOCUMENT_CATEGORIES, type DocumentCategory } from './checklists.ts';

/** A checklist line as stored and shown: no pathway filter (a stored version belongs to one pathway or all). */
export type ChecklistLine = {
  readonly category: DocumentCategory;
  readonly required: boolean;
  readonly providedBy: 'applicant' | 'employer';
};

export const REASON_MAX = 500;

export const checklistLine = z.strictObject({
  category: z.enum(DOCUMENT_CATEGORIES, { error: 'must be a category of the checklist catalogue' }),
  required: z.boolean({ error: 'must be true or false' }),
  providedBy: z.enum(['applicant', 'employer'], { error: 'must be applicant or employer' }),
});

export const checklistReason = z
  .string({ error: 'is required' })
  .trim()
  .min(3, { error: 'is required (at least 3 characters)' })
  .max(REASON_MAX, { error: `must be at most ${REASON_MAX} characters` });

/** The API's body: `{ "items": [{ "category": "passport", "required": true, "providedBy": "applicant" }], "reason": "…" }`. */
export const checklistEditBody = z.strictObject({
  items: z
    .array(checklistLine)
    .max(DOCUMENT_CATEGORIES.length)
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, {
      error: 'must name each category at most once',
    }),
  reason: checklistReason,
});
export type ChecklistEdit = z.output<typeof checklistEditBody>;

export const stepKindParam = z.enum(STEP_KINDS, { error: 'must be a step kind' });
/** `all` is the checklist for every pathway without one of its own. */
export const pathwayParam = z.enum(['all', ...PATHWAY_IDS], { error: 'must be a pathway or all' });
export const checklistParams = z.strictObject({ kind: stepKindParam, pathway: pathwayParam });

export const pathwayOf = (p: string): PathwayId | null => (p === 'all' ? null : (p as PathwayId));
export const isStepKind = (v: unknown): v is StepKind =>
  typeof v === 'string' && (STEP_KINDS as readonly string[]).includes(v);
export const isPathwayKey = (v: unknown): v is PathwayId | 'all' =>
  typeof v === 'string' && (v === 'all' || (PATHWAY_IDS as readonly string[]).includes(v));

export type FormProblem = { field: string; rule: string };

/**
 * The edit form: per category `need-<category>` (`required`, `optional` or `none`) and `by-<category>`
 * (`applicant` or `employer`), and the reason. Unknown values are named by their field.
 */
export function readChecklistForm(
  fields: Record<string, string | undefined>,
): { ok: true; edit: ChecklistEdit } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const items: ChecklistLine[] = [];
  for (const category of DOCUMENT_CATEGORIES) {
    const need = fields[`need-${category}`] ?? 'none';
    const by = fields[`by-${category}`] ?? 'applicant';
    if (!['required', 'optional', 'none'].includes(need))
      problems.push({ field: `need-${category}`, rule: 'enum' });
    if (by !== 'applicant' && by !== 'employer') problems.push({ field: `by-${category}`, rule: 'enum' });
    else if (need === 'required' || need === 'optional')
      items.push({ category, required: need === 'required', providedBy: by });
  }
  const reason = checklistReason.safeParse(fields.reason ?? '');
  if (!reason.success)
    problems.push({ field: 'reason', rule: (fields.reason ?? '').trim() ? 'max' : 'required' });
  if (problems.length > 0 || !reason.success) return { ok: false, problems };
  return { ok: true, edit: { items, reason: reason.data } };
}

export type ChecklistChange = {
  readonly category: DocumentCategory;
  readonly change:
    | 'added-required'
    | 'added-optional'
    | 'removed'
    | 'now-required'
    | 'now-optional'
    | 'now-by-employer'
    | 'now-by-applicant';
};

/** What changed from one version to the next, in the catalogue's order of categories. */
export function diffChecklists(
  before: readonly ChecklistLine[],
  after: readonly ChecklistLine[],
): ChecklistChange[] {
  const out: ChecklistChange[] = [];
  for (const category of DOCUMENT_CATEGORIES) {
    const a = before.find((i) => i.category === category);
    const b = after.find((i) => i.category === category);
    if (!a && b) out.push({ category, change: b.required ? 'added-required' : 'added-optional' });
    else if (a && !b) out.push({ category, change: 'removed' });
    else if (a && b) {
      if (a.required !== b.required)
        out.push({ category, change: b.required ? 'now-required' : 'now-optional' });
      if (a.providedBy !== b.providedBy)
        out.push({ category, change: b.providedBy === 'employer' ? 'now-by-employer' : 'now-by-applicant' });
    }
  }
  return out;
}

/** The required lines a person or their employer brings that are not among the categories shared. */
export function missingRequired(
  items: readonly ChecklistLine[],
  shared: ReadonlySet<string>,
): DocumentCategory[] {
  return items.filter((i) => i.required && !shared.has(i.category)).map((i) => i.category);
}
