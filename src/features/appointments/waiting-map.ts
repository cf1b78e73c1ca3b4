/**
 * The overload map (issue 15, memo § 5.6): every district of the six states with the foreigners' office that decides
 * residence permits for people living there, and every mission abroad by the country it serves, each with that
 * office's published figures and colour (waiting.ts). There are no coordinates: the map is schematic, one block per
 * state and one per country. Who is responsible is the journey's own rule (`chooseOwners`, residence permit: the
 * district's foreigners' office, else the state's central foreigners' office), so the map shows the office a person
 * living in the district would wait on.
 */
import { sql } from 'drizzle-orm';
import { chooseOwners, type OwnerCandidate } from '../../domain/journey/index.ts';
import { type DbOrTx, queryRows } from '../../platform/db/client.ts';
import { type DistrictRow, listDistricts, STATE_CODES, type StateCode } from '../regions/index.ts';
import type { OfficeFigures } from './waiting.ts';

/** Where the map's offices are responsible: the candidates for districts and the countries of the missions. */
export type MapPlaces = {
  readonly districts: readonly DistrictRow[];
  readonly candidates: readonly OwnerCandidate[];
  /** Mission organisation id → the countries (ISO codes) it serves, from its jurisdiction or seat. */
  readonly missionCountries: ReadonlyMap<string, readonly string[]>;
};

export type DistrictTile = {
  readonly ags: string;
  readonly name: string;
  readonly kind: DistrictRow['kind'];
  /** The responsible office on the platform with its figures, or null when none is on the platform. */
  readonly figures: OfficeFigures | null;
};

export type StateBlock = { readonly state: StateCode; readonly tiles: readonly DistrictTile[] };
export type CountryBlock = { readonly country: string; readonly missions: readonly OfficeFigures[] };

export type OverloadMap = {
  readonly states: readonly StateBlock[];
  readonly countries: readonly CountryBlock[];
};

type PlaceRow = OwnerCandidate & { seat_country_code: string | null };

/** The districts and who is responsible where (two reads; the figures come from the cached waiting times). */
export async function readMapPlaces(db: DbOrTx): Promise<MapPlaces> {
  const [districts, rows] = await Promise.all([
    listDistricts(db),
    queryRows<PlaceRow>(
      db,
      sql`
      select o.id, o.slug, o.kind, j.scope, j.state_code as "stateCode", j.district_ags as "districtAgs",
             j.country_code as "countryCode", o.seat_country_code
        from organisation o left join organisation_jurisdiction j on j.organisation_id = o.id
       where o.kind in ('foreigners-office', 'central-foreigners-office', 'mission')`,
    ),
  ]);
  const missionCountries = new Map<string, string[]>();
  for (const r of rows) {
    if (r.kind !== 'mission') continue;
    const list = missionCountries.get(r.id) ?? [];
    for (const c of [r.countryCode, r.seat_country_code]) if (c && !list.includes(c)) list.push(c);
    missionCountries.set(r.id, list);
  }
  return {
    districts,
    candidates: rows.filter((r) => r.kind !== 'mission' && r.scope !== null),
    missionCountries,
  };
}

/** The office responsible for residence permits of people living in `ags` (the journey's rule), or undefined. */
export function officeOfDistrict(
  ags: string,
  state: string,
  candidates: readonly OwnerCandidate[],
): string | undefined {
  const owners = chooseOwners(
    {
      jobStateCode: state,
      jobDistrictAgs: ags,
      residenceAgs: ags,
      countryCode: null,
      competent: { recognition: null, 'zab-statement': null },
    },
    candidates,
  );
  return owners['residence-permit'];
}

/**
 * The map's blocks: the six states in the order of their key, each with all its districts by name, and the
 * countries the missions serve by `countryOrder` (the page sorts by the country's name in its language).
 * A mission that serves no known country is listed under the empty country ''.
 */
export function overloadMap(
  places: MapPlaces,
  offices: readonly OfficeFigures[],
  countryOrder: (a: string, b: string) => number,
): OverloadMap {
  const byId = new Map(offices.map((f) => [f.office.id, f]));
  const states = STATE_CODES.map((state): StateBlock => {
    const tiles = places.districts
      .filter((d) => d.stateCode === state)
      .map((d): DistrictTile => {
        const id = officeOfDistrict(d.ags, state, places.candidates);
        return {
          ags: d.ags,
          name: d.name,
          kind: d.kind,
          figures: (id && byId.get(id)) || null,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'de') || a.ags.localeCompare(b.ags));
    return { state, tiles };
  });
  const countries = new Map<string, OfficeFigures[]>();
  for (const f of offices) {
    if (f.office.kind !== 'mission') continue;
    const served = places.missionCountries.get(f.office.id) ?? [];
    for (const c of served.length > 0 ? served : ['']) countries.set(c, [...(countries.get(c) ?? []), f]);
  }
  return {
    states,
    countries: [...countries.entries()]
      .map(([country, missions]) => ({ country, missions }))
      .sort((a, b) => (a.country === '' ? 1 : b.country === '' ? -1 : countryOrder(a.country, b.country))),
  };
}

export type TileStatus = NonNullable<OfficeFigures['status']> | 'none' | 'off-platform';

/** What a tile shows: the office's colour, "not rated yet", or that no office of the platform is responsible. */
export function tileStatus(figures: OfficeFigures | null): TileStatus {
  if (!figures) return 'off-platform';
  return figures.status ?? 'none';
}
