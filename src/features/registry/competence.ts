/**
 * The registry's answer to "who recognises this here?" for the journey: the bodies the recognition finder names as
 * competent for an occupation in a state (or district), and the ZAB for a statement of comparability. Platform
 * organisations say which of these bodies they are (`organisation_registry_body`), so the journey can give the
 * step to the competent organisation.
 */
import { sql } from 'drizzle-orm';
import { HEALTH_PROFESSIONS } from '../../domain/recognition/procedure.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { type AuthorityJson, authoritiesFor } from './finder.ts';
import type { OccupationRow } from './queries.ts';
import { occupationTerm } from './schema.ts';
import type { RegistrySnapshot, RegistrySnapshotSource } from './snapshot.ts';

/** The registry tables whose rows are recognition bodies (the keys the corrections service uses too). */
export const REGISTRY_BODY_TABLES = ['recognition-authority', 'nationwide-body', 'crafts-chamber'] as const;
export type RegistryBodyTable = (typeof REGISTRY_BODY_TABLES)[number];

/** One registry row that is a recognition body: `recognition-authority` `SN:nurse`, `nationwide-body` `zab`, … */
export interface RegistryBodyRef {
  readonly table: RegistryBodyTable;
  readonly id: string;
}

/** `<table>:<id>`, e.g. `recognition-authority:SN:nurse`. */
export const registryBodyKey = (ref: RegistryBodyRef) => `${ref.table}:${ref.id}`;

/** The nationwide body that issues statements of comparability for foreign degrees (nationwide_body.id). */
export const ZAB_BODY_ID = 'zab';

const TABLE_OF: Record<AuthorityJson['kind'], RegistryBodyTable> = {
  'state-authority': 'recognition-authority',
  nationwide: 'nationwide-body',
  chamber: 'crafts-chamber',
};

/** The registry's recognition authorities of a state for the health professions (`<state>:<profession>`). */
export function healthAuthoritiesOf(stateCode: string): RegistryBodyRef[] {
  return [...HEALTH_PROFESSIONS].map((p) => ({ table: 'recognition-authority', id: `${stateCode}:${p}` }));
}

/**
 * The registry's answer for the two recognition steps of a journey: the competent bodies in the registry's order;
 * empty when the registry cannot say (occupation not identified, or no competent body known).
 */
export interface RecognitionCompetence {
  readonly recognition: readonly RegistryBodyRef[];
  readonly 'zab-statement': readonly RegistryBodyRef[];
}

/**
 * The occupations a journey's occupation text names: the one with that KldB 2010 code, or those with that title or
 * synonym (German or English, letter case aside). No guessing by similarity.
 */
async function occupationsNamed(
  db: DbOrTx,
  s: RegistrySnapshot,
  text: string | null,
): Promise<OccupationRow[]> {
  const q = text?.trim() ?? '';
  if (q === '') return [];
  if (/^[0-9]{5}$/.test(q)) {
    const o = s.occupations.get(q);
    return o ? [o] : [];
  }
  const rows = await db
    .selectDistinct({ kldb: occupationTerm.kldb })
    .from(occupationTerm)
    .where(sql`lower(${occupationTerm.term}) = ${q.toLowerCase()}`);
  return rows.flatMap((r) => s.occupations.get(r.kldb) ?? []);
}

/** The bodies the recognition finder names for the occupation in the state (and district, for chambers). */
function competentBodies(
  s: RegistrySnapshot,
  occupation: OccupationRow,
  stateCode: string,
  districtAgs: string | null,
): RegistryBodyRef[] {
  const state = s.states.get(stateCode);
  if (!state) return [];
  const district = districtAgs ? s.districts.get(districtAgs) : undefined;
  const place = { state, district: district?.stateCode === stateCode ? district : null };
  return authoritiesFor(s, occupation, place).map((a) => ({ table: TABLE_OF[a.kind], id: a.id }));
}

const key = (bodies: readonly RegistryBodyRef[]) => bodies.map(registryBodyKey).join(' ');

/**
 * The registry's answer for recognising what the occupation text names in the state: the competent bodies when
 * every occupation it names has the same answer (a title shared by two teacher occupations), else none.
 */
function recognitionAnswer(
  s: RegistrySnapshot,
  occupations: readonly OccupationRow[],
  place: { readonly stateCode: string | null; readonly districtAgs: string | null },
): RegistryBodyRef[] {
  const { stateCode } = place;
  if (!stateCode) return [];
  const answers = occupations.map((o) => competentBodies(s, o, stateCode, place.districtAgs));
  const [first] = answers;
  return first && answers.every((a) => key(a) === key(first)) ? first : [];
}

/**
 * The registry's answer for a journey's recognition and ZAB-statement steps. Loads the snapshot and runs its one
 * query on `db`: call it before the transaction of the command (PGlite runs one query at a time).
 */
export async function recognitionCompetence(
  db: DbOrTx,
  registry: RegistrySnapshotSource,
  occupation: string | null,
  place: { readonly stateCode: string | null; readonly districtAgs: string | null },
): Promise<RecognitionCompetence> {
  const s = await registry.snapshot();
  const zab = s.bodies.get(ZAB_BODY_ID);
  return {
    recognition: recognitionAnswer(s, await occupationsNamed(db, s, occupation), place),
    'zab-statement': zab ? [{ table: 'nationwide-body', id: zab.id }] : [],
  };
}
