import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { DbOrTx } from '../../platform/db/client.ts';
import { district, state } from './schema.ts';

const DATA = new URL('../../data/', import.meta.url);
const AS_OF = '2026-11-01';

export const STATES = [
  { code: 'BE', agsPrefix: '11', nameDe: 'Berlin', nameEn: 'Berlin' },
  { code: 'BB', agsPrefix: '12', nameDe: 'Brandenburg', nameEn: 'Brandenburg' },
  { code: 'MV', agsPrefix: '13', nameDe: 'Mecklenburg-Vorpommern', nameEn: 'Mecklenburg-Western Pomerania' },
  { code: 'SN', agsPrefix: '14', nameDe: 'Sachsen', nameEn: 'Saxony' },
  { code: 'ST', agsPrefix: '15', nameDe: 'Sachsen-Anhalt', nameEn: 'Saxony-Anhalt' },
  { code: 'TH', agsPrefix: '16', nameDe: 'Thüringen', nameEn: 'Thuringia' },
] as const;

export type StateCode = (typeof STATES)[number]['code'];
export const STATE_CODES = STATES.map((s) => s.code) as [StateCode, ...StateCode[]];

const DISTRICT_SOURCE =
  'Research table districts.csv (Nov 2026): AGS keys cross-checked against the RKI district list ' +
  '(github.com/Mina-Isaac/covid-stats, src/ags.ts); office name after the generic pattern of the untere Ausländerbehörde';

type Row = Record<string, string>;

function readCsv(name: string): Row[] {
  return parse(readFileSync(new URL(name, DATA)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
}

const KIND: Record<string, 'landkreis' | 'kreisfreie-stadt' | 'stadtstaat'> = {
  Landkreis: 'landkreis',
  'kreisfreie Stadt': 'kreisfreie-stadt',
  'kreisfreie Stadt (Stadtstaat)': 'stadtstaat',
};

function confidenceOf(text: string): 'high' | 'medium' | 'low' {
  if (text.startsWith('high')) return 'high';
  if (text.startsWith('low')) return 'low';
  return 'medium';
}

export function stateRows() {
  const central = new Map(readCsv('central-foreigners-offices.csv').map((r) => [r.state, r]));
  return STATES.map((s) => {
    const c = central.get(s.nameDe);
    if (!c) throw new Error(`central-foreigners-offices.csv has no row for ${s.nameDe}`);
    const exists = (c.exists ?? '').startsWith('yes');
    const text = `${c.central_office_skilled_immigration} ${c.notes} ${c.exists}`;
    return {
      ...s,
      centralOffice: exists ? (c.central_office_skilled_immigration ?? null) : null,
      centralOfficeExists: exists,
      centralOfficeNotes: c.notes ?? null,
      source: c.source ?? '',
      asOf: AS_OF,
      confidence: confidenceOf(c.confidence ?? ''),
      verified: !/UNVERIFIED/.test(text),
    };
  });
}

export function districtRows() {
  const byName = new Map<string, StateCode>(STATES.map((s) => [s.nameDe, s.code]));
  return readCsv('districts.csv').map((r) => {
    const stateCode = byName.get(r.state ?? '');
    const kind = KIND[r.type ?? ''];
    if (!stateCode || !kind || !r.ags || !r.name || !r.foreigners_office) {
      throw new Error(`districts.csv: row ${r.ags ?? '?'} is incomplete`);
    }
    return {
      ags: r.ags,
      stateCode,
      name: r.name,
      kind,
      foreignersOffice: r.foreigners_office,
      notes: r.notes || null,
      source: DISTRICT_SOURCE,
      asOf: AS_OF,
      confidence: 'medium' as const,
      verified: !/UNVERIFIED/.test(`${r.foreigners_office} ${r.notes}`),
    };
  });
}

/** Inserts the states and districts that are missing; never overwrites an administrator's correction. */
export async function seedRegions(db: DbOrTx): Promise<{ states: number; districts: number }> {
  const s = await db.insert(state).values(stateRows()).onConflictDoNothing().returning({ code: state.code });
  const d = await db
    .insert(district)
    .values(districtRows())
    .onConflictDoNothing()
    .returning({ ags: district.ags });
  return { states: s.length, districts: d.length };
}
