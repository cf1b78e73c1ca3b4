import { cached } from '../../platform/cache/ttl.ts';
import type { Database } from '../../platform/db/client.ts';
import { type DistrictRow, listDistricts, listStates, type StateRow } from './queries.ts';

export interface RegionsSnapshot {
  states: StateRow[];
  districts: DistrictRow[];
  byState: Map<string, DistrictRow[]>;
  /** Pre-serialised, pre-encoded API answers per state code ('' for all): the hot path sends bytes. */
  json: Map<string, Buffer>;
}

export interface RegionsService {
  snapshot(): Promise<RegionsSnapshot>;
  invalidate(): void;
}

/** Serialises one district for the public API. */
export function districtJson(d: DistrictRow) {
  return {
    ags: d.ags,
    name: d.name,
    kind: d.kind,
    state: d.stateCode,
    foreignersOffice: d.foreignersOffice,
    notes: d.notes,
    source: d.source,
    asOf: d.asOf,
    confidence: d.confidence,
    verified: d.verified,
  };
}

export function stateJson(s: StateRow) {
  return {
    code: s.code,
    name: { de: s.nameDe, en: s.nameEn },
    centralOffice: s.centralOfficeExists ? { name: s.centralOffice, notes: s.centralOfficeNotes } : null,
    source: s.source,
    asOf: s.asOf,
    confidence: s.confidence,
    verified: s.verified,
  };
}

/** Reference data is read on every page: cached per process for ten seconds (ADR 0004). */
export function createRegionsService(db: Database, ttlMs = 10_000): RegionsService {
  const cache = cached(ttlMs, async (): Promise<RegionsSnapshot> => {
    const [states, districts] = await Promise.all([listStates(db), listDistricts(db)]);
    const byState = new Map<string, DistrictRow[]>(states.map((s) => [s.code, []]));
    for (const d of districts) byState.get(d.stateCode)?.push(d);
    const json = new Map<string, Buffer>();
    json.set(
      '',
      Buffer.from(
        JSON.stringify({ state: null, count: districts.length, districts: districts.map(districtJson) }),
      ),
    );
    for (const s of states) {
      const list = byState.get(s.code) ?? [];
      json.set(
        s.code,
        Buffer.from(
          JSON.stringify({ state: stateJson(s), count: list.length, districts: list.map(districtJson) }),
        ),
      );
    }
    return { states, districts, byState, json };
  });
  return { snapshot: () => cache.get(), invalidate: () => cache.invalidate() };
}
