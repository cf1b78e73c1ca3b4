/**
 * Occupation answers in words: a person types a job name (German or English), the registry's
 * occupation search finds it, and the answer keeps its ISCO-08 code for the engine and its KldB
 * occupation to name it again. Several different matches are offered as a choice on the next
 * render (radio buttons named `<field>Choice`); no match is refused, naming the field.
 */
import type { FieldError } from '../../platform/http/errors.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import type { OccupationHit, OccupationSearch } from '../registry/index.ts';
import type { Answers, FieldDef } from './questionnaire.ts';

/** Matches offered to choose from. */
const CANDIDATES = 6;

/** The answer key that keeps the chosen occupation (KldB) beside the field's ISCO-08 code. */
export const occupationKey = (field: string) => `${field}Kldb`;
/** The radio buttons that offer the matches. */
export const choiceKey = (field: string) => `${field}Choice`;

export const occupationTitle = (o: OccupationHit, locale: Locale) =>
  locale === 'de' ? o.titleDe : o.titleEn;

type Resolution =
  | { kind: 'empty' }
  | { kind: 'found'; hit: OccupationHit }
  | { kind: 'choose'; candidates: OccupationHit[] }
  | { kind: 'unknown' };

/**
 * Which occupation a typed name means: the one the person chose among the matches; the only
 * match; the matches whose title or synonym is exactly the text, if they share one ISCO-08 code;
 * else a choice. A known ISCO-08 code typed as digits is taken too.
 */
async function resolve(search: OccupationSearch, text: string, choice: string): Promise<Resolution> {
  const q = text.trim();
  if (q === '') return { kind: 'empty' };
  if (/^[0-9]{4}$/.test(q)) {
    const filed = await search.withIsco(q);
    if (filed[0]) return { kind: 'found', hit: filed[0] };
  }
  const hits = q.length < 2 ? [] : await search.search(q, CANDIDATES);
  const chosen = hits.find((h) => h.kldb === choice);
  if (chosen) return { kind: 'found', hit: chosen };
  if (hits.length === 0) return { kind: 'unknown' };
  if (hits.length === 1) return { kind: 'found', hit: hits[0] as OccupationHit };
  const lower = q.toLowerCase();
  const exact = hits.filter((h) => [h.matched, h.titleDe, h.titleEn].some((s) => s.toLowerCase() === lower));
  if (exact[0] && new Set(exact.map((h) => h.isco08)).size === 1) return { kind: 'found', hit: exact[0] };
  return { kind: 'choose', candidates: hits };
}

export interface OccupationAnswers {
  /** The form with each occupation field's text replaced by its ISCO-08 code (for the step's schema). */
  body: Record<string, unknown>;
  /** The chosen occupations (KldB), by answer key; '' where the field was left empty. */
  occupations: Answers;
  /** Fields with no match or several: refusals with their message key under `pathways.error.`. */
  errors: FieldError[];
  /** The matches to choose from, by field. */
  candidates: Record<string, OccupationHit[]>;
}

/** Reads the occupation fields of a form: text → ISCO-08 code, with the choice or refusal where needed. */
export async function readOccupations(
  search: OccupationSearch,
  fields: readonly FieldDef[],
  body: Record<string, unknown>,
): Promise<OccupationAnswers> {
  const out: OccupationAnswers = { body: { ...body }, occupations: {}, errors: [], candidates: {} };
  for (const f of fields.filter((field) => field.kind === 'isco')) {
    const text = typeof body[f.name] === 'string' ? (body[f.name] as string) : '';
    const choice = body[choiceKey(f.name)];
    const r = await resolve(search, text, typeof choice === 'string' ? choice : '');
    out.body[f.name] = r.kind === 'found' ? r.hit.isco08 : '';
    out.occupations[occupationKey(f.name)] = r.kind === 'found' ? r.hit.kldb : '';
    if (r.kind === 'unknown')
      out.errors.push({ field: f.name, rule: 'exists', message: 'occupation-unknown' });
    if (r.kind === 'choose') {
      out.candidates[f.name] = r.candidates;
      out.errors.push({ field: choiceKey(f.name), rule: 'choice', message: 'occupation-choose' });
    }
  }
  return out;
}

/** The occupation answers in words for the page's language: the chosen occupation, else the first with the code. */
export async function occupationNames(
  search: OccupationSearch,
  fields: readonly FieldDef[],
  answers: Answers,
  locale: Locale,
): Promise<Answers> {
  const names: Answers = {};
  for (const f of fields.filter((field) => field.kind === 'isco')) {
    const isco = answers[f.name];
    if (!isco) continue;
    const filed = await search.withIsco(isco);
    const hit = filed.find((o) => o.kldb === answers[occupationKey(f.name)]) ?? filed[0];
    if (hit) names[f.name] = occupationTitle(hit, locale);
  }
  return names;
}
