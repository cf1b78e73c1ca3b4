import {
  type Deadlines,
  type DocumentCode,
  deadlinesFor,
  type LegalBasisType,
  type NonRegulatedPurpose,
  purposeOf,
  typicalDocuments,
} from '../../domain/recognition/procedure.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { I18n } from '../../platform/i18n/index.ts';
import type { DistrictRow, StateRow } from '../regions/index.ts';
import type { AuthorityRow, BodyRow, ChamberRow, OccupationRow } from './queries.ts';
import type { RegistrySnapshot } from './snapshot.ts';

type Localized = { de: string; en: string };

export interface Provenance {
  source: string;
  asOf: string;
  confidence: 'high' | 'medium' | 'low';
  verified: boolean;
}

export interface AuthorityJson extends Provenance {
  kind: 'state-authority' | 'chamber' | 'nationwide';
  id: string;
  name: string;
  address: string | null;
  email: string | null;
  legalBasis: string | null;
  fees: string | null;
  notes: string | null;
  /** For a chamber that covers only part of the district (Landkreis Rostock). */
  partOfDistrict?: boolean;
}

export interface FinderAnswer {
  occupation: ReturnType<typeof occupationJson>;
  place: { state: { code: string; name: Localized }; district: { ags: string; name: string } | null };
  regulated: boolean;
  authorities: AuthorityJson[];
  legalBasis: string | null;
  legalBasisType: LegalBasisType;
  procedure: {
    documents: { code: DocumentCode; label: Localized }[];
    fees: string | null;
    deadlines: Deadlines;
  };
  /** For occupations that are not regulated: what a recognition is for and who issues it. */
  purpose: (NonRegulatedPurpose & { explanation: Localized }) | null;
  /** Free advice before applying. */
  counselling: AuthorityJson | null;
  alternatives: { kldb: string; title: Localized }[];
}

export function occupationJson(o: OccupationRow) {
  return {
    kldb: o.kldb,
    isco08: o.isco08,
    title: { de: o.titleDe, en: o.titleEn },
    regulated: o.regulated,
    regulatedNote: o.regulatedNote,
    legalBasis: o.legalBasis,
    shortage: o.shortage,
    route: o.route,
    source: o.source,
    asOf: o.asOf,
    confidence: o.confidence,
    verified: o.verified,
  };
}

const provenanceOf = (r: Provenance): Provenance => ({
  source: r.source,
  asOf: r.asOf,
  confidence: r.confidence,
  verified: r.verified,
});

function authorityJson(a: AuthorityRow): AuthorityJson {
  return {
    kind: 'state-authority',
    id: a.id,
    name: a.authority,
    address: a.address,
    email: a.email,
    legalBasis: a.legalBasis,
    fees: a.fees,
    notes: a.notes,
    ...provenanceOf(a),
  };
}

function bodyJson(b: BodyRow): AuthorityJson {
  return {
    kind: 'nationwide',
    id: b.id,
    name: b.name,
    address: b.address,
    email: null,
    legalBasis: b.legalBasis,
    fees: b.fees,
    notes: b.notes,
    ...provenanceOf(b),
  };
}

function chamberJson(c: ChamberRow, partial: boolean, hwk: BodyRow | undefined): AuthorityJson {
  return {
    kind: 'chamber',
    id: c.id,
    name: c.name,
    address: c.seat,
    email: null,
    legalBasis: hwk?.legalBasis ?? null,
    fees: null,
    notes: c.notes,
    ...(partial ? { partOfDistrict: true } : {}),
    ...provenanceOf(c),
  };
}

export interface FinderPlace {
  state: StateRow;
  district: DistrictRow | null;
}

export interface FinderQuery {
  kldb?: string | undefined;
  isco?: string | undefined;
  state?: string | undefined;
  district?: string | undefined;
}

const notFound = (field: string, message: string) =>
  new AppError('not-found', { detail: message, errors: [{ field, rule: 'exists', message }] });

/** Resolves the occupation and the place of a finder query; unknown codes are 404s naming the parameter. */
export function resolveFinderQuery(s: RegistrySnapshot, q: FinderQuery) {
  let occupation: OccupationRow | undefined;
  let alternatives: OccupationRow[] = [];
  if (q.kldb) {
    occupation = s.occupations.get(q.kldb);
    if (!occupation) throw notFound('query.kldb', 'no occupation with this KldB 2010 code in the registry');
  } else if (q.isco) {
    const list = s.occupationsByIsco.get(q.isco) ?? [];
    occupation = list[0];
    alternatives = list.slice(1);
    if (!occupation) throw notFound('query.isco', 'no occupation with this ISCO-08 code in the registry');
  }
  let place: FinderPlace | undefined;
  if (q.district) {
    const district = s.districts.get(q.district);
    if (!district) throw notFound('query.district', 'no district with this AGS in the six states');
    const state = s.states.get(district.stateCode);
    if (state) place = { state, district };
  } else if (q.state) {
    const state = s.states.get(q.state);
    if (!state) throw notFound('query.state', 'no such state');
    place = { state, district: null };
  }
  if (!occupation || !place) throw new AppError('validation-failed');
  return { occupation, alternatives, place };
}

/** The bodies competent for recognising the occupation at the place (the answer's `authorities`). */
export function authoritiesFor(s: RegistrySnapshot, o: OccupationRow, place: FinderPlace): AuthorityJson[] {
  switch (o.route) {
    case 'authority': {
      const a = o.profession ? s.authorities.get(`${place.state.code}:${o.profession}`) : undefined;
      return a ? [authorityJson(a)] : [];
    }
    case 'ihk-fosa':
    case 'zab': {
      const b = s.bodies.get(o.route);
      return b ? [bodyJson(b)] : [];
    }
    case 'hwk': {
      const hwk = s.bodies.get('hwk');
      if (place.district) {
        return (s.chambersByAgs.get(place.district.ags) ?? []).map((c) =>
          chamberJson(c.chamber, c.partial, hwk),
        );
      }
      return s.chambers
        .filter((c) => c.stateCode === place.state.code)
        .map((c) => chamberJson(c, false, hwk));
    }
    default:
      return [];
  }
}

export function buildFinderAnswer(
  s: RegistrySnapshot,
  i18n: I18n,
  occupation: OccupationRow,
  place: FinderPlace,
  alternatives: OccupationRow[] = [],
): FinderAnswer {
  const de = i18n.translator('de');
  const en = i18n.translator('en');
  const label = (key: string): Localized => ({ de: de.t(key), en: en.t(key) });
  const authorities = authoritiesFor(s, occupation, place);
  const authorityRow =
    occupation.route === 'authority' && occupation.profession
      ? s.authorities.get(`${place.state.code}:${occupation.profession}`)
      : undefined;
  const routeBody = s.bodies.get(occupation.route);
  const legalBasisType: LegalBasisType = authorityRow?.legalBasisType ?? 'federal';
  const legalBasis = authorityRow?.legalBasis ?? routeBody?.legalBasis ?? occupation.legalBasis;
  const purpose = purposeOf(occupation.route, occupation.regulated);
  const zsba = s.bodies.get('zsba');
  return {
    occupation: occupationJson(occupation),
    place: {
      state: { code: place.state.code, name: { de: place.state.nameDe, en: place.state.nameEn } },
      district: place.district ? { ags: place.district.ags, name: place.district.name } : null,
    },
    regulated: occupation.regulated,
    authorities,
    legalBasis,
    legalBasisType,
    procedure: {
      documents: typicalDocuments(occupation.route, occupation.profession).map((code) => ({
        code,
        label: label(`registry.document.${code}`),
      })),
      fees: authorities.map((a) => a.fees).find((f) => f !== null) ?? null,
      deadlines: deadlinesFor(legalBasisType),
    },
    purpose: purpose ? { ...purpose, explanation: label(`registry.purpose.${purpose.statement}`) } : null,
    counselling: zsba ? bodyJson(zsba) : null,
    alternatives: alternatives.map((a) => ({ kldb: a.kldb, title: { de: a.titleDe, en: a.titleEn } })),
  };
}

/** The serialised answer, memoised per snapshot: the hot path sends a string. */
export function finderAnswerJson(s: RegistrySnapshot, i18n: I18n, q: FinderQuery): string {
  const key = `${q.kldb ?? ''}|${q.isco ?? ''}|${q.state ?? ''}|${q.district ?? ''}`;
  const hit = s.answers.get(key);
  if (hit) return hit;
  const { occupation, alternatives, place } = resolveFinderQuery(s, q);
  const json = JSON.stringify(buildFinderAnswer(s, i18n, occupation, place, alternatives));
  if (s.answers.size < 10_000) s.answers.set(key, json);
  return json;
}
