import type { mission } from './schema.ts';
import { provenanceOf, readCsv, slug } from './seed-csv.ts';

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
