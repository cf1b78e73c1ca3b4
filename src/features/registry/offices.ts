import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { DistrictRow } from '../regions/index.ts';
import type { Provenance } from './finder.ts';
import type { RegistrySnapshot } from './snapshot.ts';

export interface OfficeMatch {
  district: { ags: string; name: string; kind: string; state: string };
  localOffice: Provenance & { name: string; notes: string | null };
  /** The state's central office for skilled immigration and § 81a AufenthG, where there is one. */
  centralOffice: (Provenance & { name: string; notes: string | null }) | null;
}

export function officeMatch(s: RegistrySnapshot, d: DistrictRow): OfficeMatch {
  const st = s.states.get(d.stateCode);
  return {
    district: { ags: d.ags, name: d.name, kind: d.kind, state: d.stateCode },
    localOffice: {
      name: d.foreignersOffice,
      notes: d.notes,
      source: d.source,
      asOf: d.asOf,
      confidence: d.confidence,
      verified: d.verified,
    },
    centralOffice:
      st?.centralOfficeExists && st.centralOffice
        ? {
            name: st.centralOffice,
            notes: st.centralOfficeNotes,
            source: st.source,
            asOf: st.asOf,
            confidence: st.confidence,
            verified: st.verified,
          }
        : null,
  };
}

/** Districts whose name matches a place, tolerant of typos (trigram similarity); best first. */
export async function districtsByPlace(db: DbOrTx, place: string): Promise<string[]> {
  const q = place.trim().toLowerCase();
  const result = await db.execute(sql`
    select ags from district
    where lower(name) = ${q} or lower(name) like ${`%${q.replace(/[%_\\]/g, '')}%`} or similarity(lower(name), ${q}) > 0.4
    order by (lower(name) = ${q}) desc, similarity(lower(name), ${q}) desc, ags
    limit 10
  `);
  return (result as unknown as { rows: { ags: string }[] }).rows.map((r) => String(r.ags));
}
