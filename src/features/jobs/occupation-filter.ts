/**
 * The public search's occupation filter (issue 16): the visitor types an occupation in German or English; the
 * registry's typo-tolerant search (the same as the ad form's, `chooseOccupation`) resolves it. One occupation
 * found: the ads of that occupation, the name shown and its key kept in the address; several: the ads of all of
 * them and the occupations offered as choices; none: said plainly, no ads. A key without words (a shared link)
 * is looked up by itself.
 */
import type { DbOrTx } from '../../platform/db/client.ts';
import type { OccupationHit, OccupationSearch } from '../registry/index.ts';
import { chooseOccupation } from './occupation-choice.ts';
import type { OccupationFilter, SearchQuery } from './search.ts';
import { occupationFacts } from './service.ts';

/** An occupation by its key and names, as the search page offers it (never showing the key). */
export type NamedOccupation = Pick<OccupationHit, 'kldb' | 'titleDe' | 'titleEn'>;

export type OccupationResolution =
  | { kind: 'none' }
  | { kind: 'found'; occupation: NamedOccupation }
  | { kind: 'choose'; candidates: readonly NamedOccupation[] }
  | { kind: 'unknown'; words: string };

export async function resolveOccupationFilter(
  db: DbOrTx,
  search: OccupationSearch,
  query: SearchQuery,
): Promise<OccupationResolution> {
  if (query.occupation === '') {
    const known = query.occupationKey ? await occupationFacts(db, query.occupationKey) : undefined;
    return known ? { kind: 'found', occupation: known } : { kind: 'none' };
  }
  const choice = await chooseOccupation(search, query.occupation, query.occupationKey ?? '');
  if (choice.kind === 'found') return { kind: 'found', occupation: choice.hit };
  if (choice.kind === 'choose') return { kind: 'choose', candidates: choice.candidates };
  return { kind: 'unknown', words: query.occupation };
}

/** The occupations the ads must have after the resolution; an unknown occupation matches no ad. */
export function occupationsOf(r: OccupationResolution): OccupationFilter {
  if (r.kind === 'found') return [r.occupation.kldb];
  if (r.kind === 'choose') return r.candidates.map((c) => c.kldb);
  return r.kind === 'unknown' ? [] : null;
}
