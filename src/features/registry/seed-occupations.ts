import { RECOGNITION_ROUTES, type RecognitionRoute } from './schema.ts';
import { provenanceOf, readCsv, splitList } from './seed-csv.ts';

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
