/**
 * The ad's occupation, chosen by the registry's typo-tolerant search, never typed as a code: the employer types a
 * job name; the occupation already chosen (kept in the form) stays if the name still finds it; a single match, or
 * the matches whose title is exactly the name with one occupation, is taken; otherwise the matches are offered as
 * a choice on the next render (without JavaScript: search, then choose).
 */
import type { OccupationHit, OccupationSearch } from '../registry/index.ts';

const CANDIDATES = 6;

export type OccupationChoice =
  | { kind: 'found'; hit: OccupationHit }
  | { kind: 'empty' }
  | { kind: 'unknown' }
  | { kind: 'choose'; candidates: OccupationHit[] };

export async function chooseOccupation(
  search: OccupationSearch,
  text: string,
  chosen: string,
): Promise<OccupationChoice> {
  const q = text.trim();
  if (q === '') return { kind: 'empty' };
  const hits = q.length < 2 ? [] : await search.search(q, CANDIDATES);
  const picked = hits.find((h) => h.kldb === chosen);
  if (picked) return { kind: 'found', hit: picked };
  if (hits.length === 0) return { kind: 'unknown' };
  if (hits.length === 1) return { kind: 'found', hit: hits[0] as OccupationHit };
  const lower = q.toLowerCase();
  const exact = hits.filter((h) => [h.titleDe, h.titleEn].some((s) => s.toLowerCase() === lower));
  if (exact.length === 1) return { kind: 'found', hit: exact[0] as OccupationHit };
  return { kind: 'choose', candidates: hits };
}

/** A form's occupation fields after the choice: the chosen title and id, the candidates to offer, or the error. */
export type ResolvedOccupation = {
  occupation: string;
  occupationKldb: string;
  candidates: OccupationHit[];
  error: { field: 'occupation' | 'occupationKldb'; rule: 'required' | 'exists' | 'choice' } | null;
};

/** Resolves a form's occupation (typed name, id chosen before) to its fields, in the page's language. */
export async function resolveOccupation(
  search: OccupationSearch,
  text: string,
  chosen: string,
  locale: 'de' | 'en',
): Promise<ResolvedOccupation> {
  const choice = await chooseOccupation(search, text, chosen);
  if (choice.kind === 'found') {
    const occupation = locale === 'de' ? choice.hit.titleDe : choice.hit.titleEn;
    return { occupation, occupationKldb: choice.hit.kldb, candidates: [], error: null };
  }
  const base = { occupation: text, occupationKldb: '' };
  if (choice.kind === 'choose')
    return { ...base, candidates: choice.candidates, error: { field: 'occupationKldb', rule: 'choice' } };
  const rule = choice.kind === 'empty' ? 'required' : 'exists';
  return { ...base, candidates: [], error: { field: 'occupation', rule } };
}
