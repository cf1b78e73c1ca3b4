import { eq } from 'drizzle-orm';
import type { Jurisdiction } from '../../../domain/access/jurisdiction.ts';
import { appendAudit } from '../../../platform/audit/audit.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { findOrganisationBySlug, organisation, organisationJurisdiction } from '../../people/index.ts';
import { listDistricts, listStates } from '../../regions/index.ts';
import type { RegistryBodyRef } from '../../registry/index.ts';
import { listMissions } from '../../registry/index.ts';
import { replaceRegistryBodies } from './registry-bodies.ts';

/**
 * ISO 3166-1 alpha-2 codes of the countries the missions registry names (by their English name).
 * A country the registry names but this table does not know is left out of the choices (and a
 * test says so), never guessed.
 */
export const MISSION_COUNTRY_CODES: Readonly<Record<string, string>> = {
  Albania: 'AL',
  Bangladesh: 'BD',
  'Bosnia and Herzegovina': 'BA',
  Brazil: 'BR',
  China: 'CN',
  Colombia: 'CO',
  Egypt: 'EG',
  Ghana: 'GH',
  India: 'IN',
  Indonesia: 'ID',
  Kenya: 'KE',
  Kosovo: 'XK',
  Mexico: 'MX',
  Morocco: 'MA',
  Nigeria: 'NG',
  'North Macedonia': 'MK',
  Pakistan: 'PK',
  Philippines: 'PH',
  Serbia: 'RS',
  Tunisia: 'TN',
  Turkey: 'TR',
  Ukraine: 'UA',
  Uzbekistan: 'UZ',
  Vietnam: 'VN',
};

/** What an administrator may choose as seat and jurisdiction: only the reference data. */
export interface JurisdictionChoices {
  states: { code: string; name: string }[];
  districts: { ags: string; name: string; stateCode: string }[];
  countries: { code: string; name: string }[];
}

function countryName(code: string, english: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? english;
  } catch {
    return english;
  }
}

export async function jurisdictionChoices(db: DbOrTx, locale: Locale): Promise<JurisdictionChoices> {
  const [states, districts, missions] = await Promise.all([
    listStates(db),
    listDistricts(db),
    listMissions(db),
  ]);
  const countries = new Map<string, string>();
  for (const m of missions) {
    const code = MISSION_COUNTRY_CODES[m.country];
    if (code) countries.set(code, countryName(code, m.country, locale));
  }
  return {
    states: states.map((s) => ({ code: s.code, name: locale === 'de' ? s.nameDe : s.nameEn })),
    districts: districts.map((d) => ({ ags: d.ags, name: d.name, stateCode: d.stateCode })),
    countries: [...countries]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
  };
}

/** A jurisdiction in words: "Sachsen", "Görlitz (14626)", "Vietnam", "bundesweit". */
export function jurisdictionLabel(j: Jurisdiction, c: JurisdictionChoices, nationwide: string): string {
  switch (j.scope) {
    case 'state':
      return c.states.find((s) => s.code === j.stateCode)?.name ?? j.stateCode;
    case 'district': {
      const d = c.districts.find((x) => x.ags === j.ags);
      return d ? `${d.name} (${d.ags})` : j.ags;
    }
    case 'country':
      return c.countries.find((x) => x.code === j.countryCode)?.name ?? j.countryCode;
    default:
      return nationwide;
  }
}

export interface JurisdictionSelection {
  nationwide: boolean;
  states: string[];
  districts: string[];
  countries: string[];
}

export type SelectionProblem = 'unknown-state' | 'unknown-district' | 'unknown-country';

/** Checks a selection against the reference data; returns the jurisdictions or the first problem. */
export function resolveSelection(
  s: JurisdictionSelection,
  c: JurisdictionChoices,
): { ok: true; jurisdictions: Jurisdiction[] } | { ok: false; problem: SelectionProblem } {
  const out: Jurisdiction[] = [];
  if (s.nationwide) out.push({ scope: 'nationwide' });
  for (const code of new Set(s.states)) {
    if (!c.states.some((x) => x.code === code)) return { ok: false, problem: 'unknown-state' };
    out.push({ scope: 'state', stateCode: code });
  }
  for (const ags of new Set(s.districts)) {
    if (!c.districts.some((x) => x.ags === ags)) return { ok: false, problem: 'unknown-district' };
    out.push({ scope: 'district', ags });
  }
  for (const code of new Set(s.countries)) {
    if (!c.countries.some((x) => x.code === code)) return { ok: false, problem: 'unknown-country' };
    out.push({ scope: 'country', countryCode: code });
  }
  return { ok: true, jurisdictions: out };
}

/** The selection an organisation's jurisdictions amount to (to prefill the edit form). */
export function selectionOf(jurisdictions: readonly Jurisdiction[]): JurisdictionSelection {
  return {
    nationwide: jurisdictions.some((j) => j.scope === 'nationwide'),
    states: jurisdictions.flatMap((j) => (j.scope === 'state' ? [j.stateCode] : [])),
    districts: jurisdictions.flatMap((j) => (j.scope === 'district' ? [j.ags] : [])),
    countries: jurisdictions.flatMap((j) => (j.scope === 'country' ? [j.countryCode] : [])),
  };
}

const TRANSLIT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A free slug for an organisation name: "Ausländerbehörde Görlitz" → "auslaenderbehoerde-goerlitz". */
export async function freeSlug(db: DbOrTx, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .replace(/[äöüß]/g, (ch) => TRANSLIT[ch] ?? ch)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'organisation';
  const padded = base.length < 2 ? `${base}-org` : base;
  for (let i = 1; i < 1000; i++) {
    const slug = i === 1 ? padded : `${padded}-${i}`;
    if (!(await findOrganisationBySlug(db, slug))) return slug;
  }
  return `${padded}-${Date.now()}`;
}

/**
 * Changes an organisation's name, seat and jurisdictions (not its kind: the roles held in it
 * depend on the kind). Members' reach changes on their next request (memberships are read per request).
 */
export async function updateOrganisation(
  tx: DbOrTx,
  organisationId: string,
  input: {
    name: string;
    seat: { stateCode?: string; districtAgs?: string; countryCode?: string };
    jurisdictions: readonly Jurisdiction[];
    /** For a recognition authority: the registry bodies it is from now on (checked by the caller). */
    registryBodies?: readonly RegistryBodyRef[];
  },
  actorPersonId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(organisation)
    .set({
      name: input.name,
      seatStateCode: input.seat.stateCode ?? null,
      seatDistrictAgs: input.seat.districtAgs ?? null,
      seatCountryCode: input.seat.countryCode ?? null,
    })
    .where(eq(organisation.id, organisationId));
  await tx
    .delete(organisationJurisdiction)
    .where(eq(organisationJurisdiction.organisationId, organisationId));
  for (const j of input.jurisdictions) {
    await tx.insert(organisationJurisdiction).values({
      organisationId,
      scope: j.scope,
      stateCode: j.scope === 'state' ? j.stateCode : null,
      districtAgs: j.scope === 'district' ? j.ags : null,
      countryCode: j.scope === 'country' ? j.countryCode : null,
    });
  }
  if (input.registryBodies) await replaceRegistryBodies(tx, organisationId, input.registryBodies);
  await appendAudit(
    tx,
    {
      actorPersonId,
      actorRole: 'administrator',
      action: 'update',
      objectType: 'organisation',
      objectId: organisationId,
      purpose: input.registryBodies
        ? 'organisation administration: name, seat, jurisdiction, registry bodies'
        : 'organisation administration: name, seat, jurisdiction',
      result: 'success',
    },
    now,
  );
}
