import { provenanceOf, readCsv, slug } from './seed-csv.ts';

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
