import { cached } from '../../platform/cache/ttl.ts';
import type { Database } from '../../platform/db/client.ts';
import { type DistrictRow, listDistricts, listStates, type StateRow } from '../regions/index.ts';
import {
  type AuthorityRow,
  type BodyRow,
  type ChamberRow,
  listAuthorities,
  listBodies,
  listChamberDistricts,
  listChambers,
  listMissions,
  listOccupations,
  listOccupationTerms,
  listWaitingTimes,
  type MissionRow,
  type OccupationRow,
  type WaitingTimeRow,
} from './queries.ts';
import {
  buildOccupationIndex,
  type OccupationHit,
  type OccupationIndex,
  type OccupationTermRow,
  occupationHit,
} from './search.ts';

/** Everything the finders read, loaded at once and kept for a few seconds (ADR 0004, ADR 0006). */
export interface RegistrySnapshot {
  occupations: Map<string, OccupationRow>;
  occupationsByIsco: Map<string, OccupationRow[]>;
  /** The typo-tolerant occupation search over titles and synonyms, built with the snapshot. */
  occupationIndex: OccupationIndex;
  /** Keyed `<state>:<profession>`. */
  authorities: Map<string, AuthorityRow>;
  bodies: Map<string, BodyRow>;
  states: Map<string, StateRow>;
  districts: Map<string, DistrictRow>;
  districtsByState: Map<string, DistrictRow[]>;
  chambers: ChamberRow[];
  /** The chambers covering a district (two for a split district). */
  chambersByAgs: Map<string, { chamber: ChamberRow; partial: boolean }[]>;
  missions: MissionRow[];
  missionsByCountry: Map<string, MissionRow[]>;
  waitingTimes: WaitingTimeRow[];
  /** Serialised finder answers, filled on first use. */
  answers: Map<string, string>;
}

export interface RegistrySnapshotSource {
  snapshot(): Promise<RegistrySnapshot>;
  invalidate(): void;
}

function group<K, V>(items: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function createRegistrySnapshot(db: Database, ttlMs = 10_000): RegistrySnapshotSource {
  // The occupation index (and the answers it keeps) outlives a reload that changed none of its rows.
  let index: { rows: string; index: OccupationIndex } | undefined;
  const occupationIndex = (occupations: OccupationRow[], terms: OccupationTermRow[]) => {
    const rows = JSON.stringify([occupations, terms]);
    if (index?.rows !== rows) index = { rows, index: buildOccupationIndex(occupations, terms) };
    return index.index;
  };
  const cache = cached(ttlMs, async (): Promise<RegistrySnapshot> => {
    const [
      occupations,
      terms,
      authorities,
      bodies,
      states,
      districts,
      chambers,
      links,
      missions,
      waitingTimes,
    ] = await Promise.all([
      listOccupations(db),
      listOccupationTerms(db),
      listAuthorities(db),
      listBodies(db),
      listStates(db),
      listDistricts(db),
      listChambers(db),
      listChamberDistricts(db),
      listMissions(db),
      listWaitingTimes(db),
    ]);
    const chamberById = new Map(chambers.map((c) => [c.id, c]));
    const chambersByAgs = new Map<string, { chamber: ChamberRow; partial: boolean }[]>();
    for (const l of links) {
      const chamber = chamberById.get(l.chamberId);
      if (!chamber) continue;
      const list = chambersByAgs.get(l.ags) ?? [];
      list.push({ chamber, partial: l.partial });
      chambersByAgs.set(l.ags, list);
    }
    return {
      occupations: new Map(occupations.map((o) => [o.kldb, o])),
      occupationsByIsco: group(occupations, (o) => o.isco08),
      occupationIndex: occupationIndex(occupations, terms),
      authorities: new Map(authorities.map((a) => [`${a.stateCode}:${a.profession}`, a])),
      bodies: new Map(bodies.map((b) => [b.id, b])),
      states: new Map(states.map((s) => [s.code, s])),
      districts: new Map(districts.map((d) => [d.ags, d])),
      districtsByState: group(districts, (d) => d.stateCode),
      chambers,
      chambersByAgs,
      missions,
      missionsByCountry: group(missions, (m) => m.country.toLowerCase()),
      waitingTimes,
      answers: new Map(),
    };
  });
  return { snapshot: () => cache.get(), invalidate: () => cache.invalidate() };
}

/** The occupation search other features use (the questionnaire, the job-offer check): from memory, never the database. */
export interface OccupationSearch {
  /** Occupations whose German or English titles or synonyms match the text, best first (typos tolerated). */
  search(query: string, limit?: number): Promise<OccupationHit[]>;
  /** The occupations filed under an ISCO-08 code, to name a code in words. */
  withIsco(isco: string): Promise<OccupationHit[]>;
}

export function createOccupationSearch(registry: RegistrySnapshotSource): OccupationSearch {
  return {
    search: async (query, limit = 10) => (await registry.snapshot()).occupationIndex.search(query, limit),
    withIsco: async (isco) =>
      ((await registry.snapshot()).occupationsByIsco.get(isco) ?? []).map((o) =>
        occupationHit(o, o.titleDe, 1),
      ),
  };
}
