import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { DbOrTx } from '../../platform/db/client.ts';
import { STATES, type StateCode } from '../regions/index.ts';
import {
  craftsChamber,
  craftsChamberDistrict,
  mission,
  missionWaitingTime,
  nationwideBody,
  occupation,
  occupationTerm,
  RECOGNITION_ROUTES,
  type RecognitionRoute,
  recognitionAuthority,
  statistic,
} from './schema.ts';

const DATA = new URL('../../data/', import.meta.url);
/** When the research tables were compiled; every row keeps its own source besides. */
export const REGISTRY_AS_OF = '2026-11-01';

type Row = Record<string, string>;
type Confidence = 'high' | 'medium' | 'low';

export function readCsv(name: string): Row[] {
  return parse(readFileSync(new URL(name, DATA)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
}

/** "medium-high" → medium, "high (competence) / medium (name)" → high, "low-medium" → low, "n/a" → medium. */
export function confidenceOf(text: string | undefined): Confidence {
  const t = (text ?? '').trim();
  if (t.startsWith('high')) return 'high';
  if (t.startsWith('low')) return 'low';
  return 'medium';
}

/** A row is verified unless any of its cells carries the research's UNVERIFIED mark. */
export function verifiedOf(row: Row): boolean {
  return !Object.values(row).some((v) => /UNVERIFIED/.test(v ?? ''));
}

function provenanceOf(row: Row, source: string | undefined, confidence: string | undefined) {
  return {
    source: source || 'source not recorded',
    asOf: REGISTRY_AS_OF,
    confidence: confidenceOf(confidence),
    verified: verifiedOf(row),
  };
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\s;\s|;/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const STATE_BY_NAME = new Map<string, StateCode>(STATES.map((s) => [s.nameDe, s.code]));

function stateCodeOf(name: string | undefined, file: string): StateCode {
  const code = STATE_BY_NAME.get(name ?? '');
  if (!code) throw new Error(`${file}: unknown state ${name}`);
  return code;
}

/** The twelve professions of recognition-authorities.csv, by their German title there. */
export const PROFESSIONS = {
  'Pflegefachfrau/Pflegefachmann': 'nurse',
  'Ärztin/Arzt': 'physician',
  'Zahnärztin/Zahnarzt': 'dentist',
  'Apothekerin/Apotheker': 'pharmacist',
  'Physiotherapeutin/Physiotherapeut': 'physiotherapist',
  Hebamme: 'midwife',
  'Psychotherapeutin/Psychotherapeut': 'psychotherapist',
  'Lehrerin/Lehrer': 'teacher',
  'Erzieherin/Erzieher (staatlich anerkannt)': 'erzieher',
  'Sozialarbeiterin/Sozialarbeiter (staatlich anerkannt)': 'social-worker',
  'Ingenieurin/Ingenieur (Berufsbezeichnung)': 'engineer',
  'Architektin/Architekt': 'architect',
} as const;
export type Profession = (typeof PROFESSIONS)[keyof typeof PROFESSIONS];

const ADDRESS =
  /[A-ZÄÖÜ][\wäöüß.-]*(?:straße|strasse|str\.|weg|platz|ring|allee)\s+\d+\w?,\s*\d{5}\s+[A-ZÄÖÜ][\wäöüß]+/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** The fee parts of a note ("Fee 360 EUR; decision within 3 months" → "Fee 360 EUR"). */
export function feesOf(notes: string | undefined): string | null {
  const parts = (notes ?? '')
    .split(';')
    .map((p) => p.trim())
    .filter((p) => /\bEUR\b/.test(p));
  return parts.length > 0 ? parts.join('; ') : null;
}

export function recognitionAuthorityRows() {
  return readCsv('recognition-authorities.csv')
    .filter((r) => r.state !== '(nationwide)')
    .map((r) => {
      const profession = PROFESSIONS[r.profession as keyof typeof PROFESSIONS];
      if (!profession) throw new Error(`recognition-authorities.csv: unknown profession ${r.profession}`);
      const stateCode = stateCodeOf(r.state, 'recognition-authorities.csv');
      const legalBasisType = r.legal_basis_type === 'federal' ? 'federal' : 'state';
      return {
        id: `${stateCode}:${profession}`,
        stateCode,
        profession,
        professionTitle: r.profession ?? '',
        authority: r.authority ?? '',
        address: ADDRESS.exec(r.authority ?? '')?.[0] ?? null,
        email: EMAIL.exec(r.authority ?? '')?.[0] ?? null,
        legalBasis: r.legal_basis ?? '',
        legalBasisType: legalBasisType as 'federal' | 'state',
        regulated: (r.regulated ?? '').startsWith('yes'),
        regulatedNote: r.regulated ?? '',
        fees: feesOf(r.notes),
        notes: r.notes || null,
        ...provenanceOf(r, r.source, r.confidence),
      };
    });
}

const NATIONWIDE: ReadonlyArray<readonly [string, RegExp]> = [
  ['ihk-fosa', /IHK FOSA/],
  ['hwk', /Handwerkskammer/],
  ['gfg', /Gutachtenstelle/],
  ['zab', /Zeugnisbewertung/],
  ['zsba', /ZSBA/],
];

export function nationwideBodyRows() {
  return readCsv('recognition-authorities.csv')
    .filter((r) => r.state === '(nationwide)')
    .map((r) => {
      const id = NATIONWIDE.find(([, re]) => re.test(r.authority ?? ''))?.[0];
      if (!id) throw new Error(`recognition-authorities.csv: unknown nationwide body ${r.authority}`);
      return {
        id,
        name: r.authority ?? '',
        scope: r.profession ?? '',
        address: ADDRESS.exec(r.authority ?? '')?.[0] ?? null,
        legalBasis: r.legal_basis ?? '',
        regulatedNote: r.regulated ?? '',
        fees: feesOf(r.notes),
        notes: r.notes || null,
        ...provenanceOf(r, r.source, r.confidence),
      };
    });
}

/** The law named in a regulated note: "yes (PflBG; Altenpflege specialisation)" → "PflBG". */
function legalBasisOf(regulatedNote: string): string | null {
  const inner = /\(([^)]*)\)/.exec(regulatedNote)?.[1];
  return inner ? (inner.split(/[;,]/)[0] ?? '').trim() || null : null;
}

export function occupationRows() {
  const details = new Map(readCsv('occupation-details.csv').map((r) => [r.kldb2010, r]));
  const rows = [
    ...readCsv('shortage-occupations.csv').map((r) => ({ r, shortage: true })),
    ...readCsv('occupations-extra.csv').map((r) => ({ r, shortage: false })),
  ];
  return rows.map(({ r, shortage }) => {
    const kldb = r.kldb2010 ?? '';
    const d = details.get(kldb);
    if (!d) throw new Error(`occupation-details.csv has no row for KldB ${kldb}`);
    const route = d.route as RecognitionRoute;
    if (!RECOGNITION_ROUTES.includes(route)) throw new Error(`occupation-details.csv: bad route ${d.route}`);
    const note = r.regulated ?? '';
    const regulated =
      note.startsWith('yes') || (note.startsWith('partly') && ['authority', 'unknown'].includes(route));
    return {
      kldb,
      isco08: r.isco08 ?? '',
      titleDe: r.title_de ?? '',
      titleEn: r.title_en ?? '',
      kldbLabelEn: r.kldb2010_label_en ?? '',
      level: r.level ?? '',
      regulated,
      regulatedNote: note,
      legalBasis: regulated ? legalBasisOf(note) : null,
      profession: d.profession || null,
      route,
      shortage,
      shortageEvidence: shortage ? r.evidence_years || null : null,
      notes: r.notes || null,
      ...provenanceOf(r, r.source, r.confidence),
    };
  });
}

/** The searchable terms: both titles (split at "/" and ",") and the registry's synonyms. */
export function occupationTermRows() {
  const details = new Map(readCsv('occupation-details.csv').map((r) => [r.kldb2010, r]));
  const terms = new Map<
    string,
    { kldb: string; lang: 'de' | 'en'; term: string; kind: 'title' | 'synonym' }
  >();
  const add = (kldb: string, lang: 'de' | 'en', term: string, kind: 'title' | 'synonym') => {
    const t = term.trim();
    if (t.length < 2) return;
    const key = `${kldb}|${lang}|${t.toLowerCase()}`;
    if (!terms.has(key)) terms.set(key, { kldb, lang, term: t, kind });
  };
  for (const o of occupationRows()) {
    add(o.kldb, 'de', o.titleDe, 'title');
    add(o.kldb, 'en', o.titleEn, 'title');
    const d = details.get(o.kldb);
    for (const s of splitList(d?.synonyms_de)) add(o.kldb, 'de', s, 'synonym');
    for (const s of splitList(d?.synonyms_en)) add(o.kldb, 'en', s, 'synonym');
  }
  return [...terms.values()];
}

export function craftsChamberRows() {
  return readCsv('crafts-chambers.csv').map((r) => {
    const ags = (r.region_ags ?? '').split(';').map((a) => a.trim());
    const id = slug(r.chamber ?? '');
    return {
      chamber: {
        id,
        stateCode: stateCodeOf(r.state, 'crafts-chambers.csv'),
        name: r.chamber ?? '',
        seat: r.seat ?? '',
        notes: r.notes || null,
        ...provenanceOf(r, r.source, r.confidence),
      },
      districts: ags.map((a) => ({ chamberId: id, ags: a.slice(0, 5), partial: a.includes('(part)') })),
    };
  });
}

function isRealCountry(country: string | undefined): boolean {
  return Boolean(country) && !(country ?? '').startsWith('(');
}

export function missionRows() {
  const rows = readCsv('missions.csv');
  const missions = new Map<string, typeof mission.$inferInsert>();
  for (const r of rows) {
    if (!isRealCountry(r.country) || !r.city || (r.mission ?? '').startsWith('(')) continue;
    const id = slug(r.mission?.replace(/\(.*\)/, '') ?? '');
    if (missions.has(id)) continue;
    const notes = r.notes ?? '';
    missions.set(id, {
      id,
      country: r.country ?? '',
      name: r.mission ?? '',
      city: r.city,
      visaSection: !/issues no visas/i.test(notes),
      region: /Jurisdiction \(third-party list\): ([^;]+)/.exec(notes)?.[1]?.trim() ?? null,
      notes: notes || null,
      ...provenanceOf(r, r.source, r.mission_confidence),
    });
  }
  const waiting = rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.waiting_time_weeks)
    .map(({ r, i }) => {
      const missionId = slug(r.mission?.replace(/\(.*\)/, '') ?? '');
      return {
        id: `${slug(r.country ?? '')}-${i + 1}`,
        country: r.country ?? '',
        missionId: missions.has(missionId) ? missionId : null,
        weeks: Number(r.waiting_time_weeks),
        category: r.waiting_time_category || null,
        measuredAt: r.as_of || null,
        notes: r.notes || null,
        ...provenanceOf(r, r.source, r.waiting_time_confidence),
      };
    });
  return { missions: [...missions.values()], waiting };
}

function numberOf(value: string): number | null {
  const n = Number(value.replace(/,/g, ''));
  return value.trim() !== '' && Number.isFinite(n) ? n : null;
}

export function statisticRows() {
  const used = new Map<string, number>();
  const idOf = (...parts: string[]) => {
    const base = slug(parts.join(' ')).slice(0, 120);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  const stats = readCsv('statistics.csv').map((r) => ({
    id: idOf(r.topic ?? '', r.indicator ?? '', r.geography ?? '', r.period ?? ''),
    topic: r.topic ?? '',
    indicator: r.indicator ?? '',
    geography: r.geography ?? '',
    period: r.period ?? '',
    value: r.value ?? '',
    valueNumber: numberOf(r.value ?? ''),
    unit: r.unit ?? '',
    notes: r.notes || null,
    ...provenanceOf(r, r.source, r.confidence),
  }));
  const population = readCsv('population.csv').map((r) => ({
    id: idOf('population', r.state ?? '', r.reference_date ?? ''),
    topic: 'population',
    indicator: `Population (${r.basis ?? ''})`,
    geography: r.state ?? '',
    period: r.reference_date ?? '',
    value: r.population ?? '',
    valueNumber: numberOf(r.population ?? ''),
    unit: 'persons',
    notes: r.notes || null,
    ...provenanceOf(r, r.source, r.confidence),
  }));
  const koenigstein = readCsv('koenigstein.csv').map((r) => ({
    id: idOf('koenigstein', r.year ?? '', r.state ?? ''),
    topic: 'koenigstein',
    indicator: `Königsteiner Schlüssel share (${r.used_for ?? ''})`,
    geography: r.state ?? '',
    period: r.year ?? '',
    value: r.share_percent ?? '',
    valueNumber: numberOf(r.share_percent ?? ''),
    unit: 'percent',
    notes: r.notes || null,
    ...provenanceOf(r, r.source, r.status === 'verified' ? 'high' : 'low'),
    verified: r.status === 'verified',
  }));
  return [...stats, ...population, ...koenigstein];
}

export interface RegistrySeedResult {
  occupations: number;
  terms: number;
  authorities: number;
  nationwideBodies: number;
  chambers: number;
  missions: number;
  waitingTimes: number;
  statistics: number;
}

/**
 * Inserts the registry rows that are missing; never overwrites a row that exists, so an
 * administrator's correction survives every later seed. Needs the regions seed first.
 */
export async function seedRegistry(db: DbOrTx): Promise<RegistrySeedResult> {
  const o = await db
    .insert(occupation)
    .values(occupationRows())
    .onConflictDoNothing()
    .returning({ k: occupation.kldb });
  const t = await db
    .insert(occupationTerm)
    .values(occupationTermRows())
    .onConflictDoNothing()
    .returning({ k: occupationTerm.kldb });
  const a = await db
    .insert(recognitionAuthority)
    .values(recognitionAuthorityRows())
    .onConflictDoNothing()
    .returning({ k: recognitionAuthority.id });
  const n = await db
    .insert(nationwideBody)
    .values(nationwideBodyRows())
    .onConflictDoNothing()
    .returning({ k: nationwideBody.id });
  const chambers = craftsChamberRows();
  const c = await db
    .insert(craftsChamber)
    .values(chambers.map((x) => x.chamber))
    .onConflictDoNothing()
    .returning({ k: craftsChamber.id });
  await db
    .insert(craftsChamberDistrict)
    .values(chambers.flatMap((x) => x.districts))
    .onConflictDoNothing();
  const { missions, waiting } = missionRows();
  const m = await db.insert(mission).values(missions).onConflictDoNothing().returning({ k: mission.id });
  const w = await db
    .insert(missionWaitingTime)
    .values(waiting)
    .onConflictDoNothing()
    .returning({ k: missionWaitingTime.id });
  const s = await db
    .insert(statistic)
    .values(statisticRows())
    .onConflictDoNothing()
    .returning({ k: statistic.id });
  return {
    occupations: o.length,
    terms: t.length,
    authorities: a.length,
    nationwideBodies: n.length,
    chambers: c.length,
    missions: m.length,
    waitingTimes: w.length,
    statistics: s.length,
  };
}
