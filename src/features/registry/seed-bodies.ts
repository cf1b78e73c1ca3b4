import { provenanceOf, readCsv, slug, stateCodeOf } from './seed-csv.ts';

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
