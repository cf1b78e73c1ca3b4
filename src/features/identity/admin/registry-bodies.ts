/**
 * Which registry bodies a platform organisation is (`organisation_registry_body`): set when an administrator
 * creates or edits a recognition authority, read by the journey to give the recognition step to the competent organisation.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { AppError, type FieldError } from '../../../platform/http/errors.ts';
import { organisation, organisationRegistryBody } from '../../people/index.ts';
import {
  craftsChamber,
  nationwideBody,
  REGISTRY_BODY_TABLES,
  type RegistryBodyRef,
  type RegistryBodyTable,
  recognitionAuthority,
  registryBodyKey,
} from '../../registry/index.ts';

const LINK_COLUMN = {
  'recognition-authority': organisationRegistryBody.recognitionAuthorityId,
  'nationwide-body': organisationRegistryBody.nationwideBodyId,
  'crafts-chamber': organisationRegistryBody.craftsChamberId,
} as const;

const REGISTRY = {
  'recognition-authority': { table: recognitionAuthority, id: recognitionAuthority.id },
  'nationwide-body': { table: nationwideBody, id: nationwideBody.id },
  'crafts-chamber': { table: craftsChamber, id: craftsChamber.id },
} as const;

function idsByTable(refs: readonly RegistryBodyRef[]): [RegistryBodyTable, string[]][] {
  const out = new Map<RegistryBodyTable, string[]>();
  for (const r of refs) out.set(r.table, [...(out.get(r.table) ?? []), r.id]);
  return [...out];
}

export async function linkRegistryBodies(
  db: DbOrTx,
  organisationId: string,
  refs: readonly RegistryBodyRef[],
): Promise<void> {
  if (refs.length === 0) return;
  await db.insert(organisationRegistryBody).values(
    refs.map((r) => ({
      organisationId,
      recognitionAuthorityId: r.table === 'recognition-authority' ? r.id : null,
      nationwideBodyId: r.table === 'nationwide-body' ? r.id : null,
      craftsChamberId: r.table === 'crafts-chamber' ? r.id : null,
    })),
  );
}

/** The body a link row names (exactly one of its three columns is set). */
function bodyOfLink(r: {
  recognitionAuthorityId: string | null;
  nationwideBodyId: string | null;
  craftsChamberId: string | null;
}): RegistryBodyRef | null {
  if (r.recognitionAuthorityId) return { table: 'recognition-authority', id: r.recognitionAuthorityId };
  if (r.nationwideBodyId) return { table: 'nationwide-body', id: r.nationwideBodyId };
  if (r.craftsChamberId) return { table: 'crafts-chamber', id: r.craftsChamberId };
  return null;
}

/** The links of the given bodies: body key (`<table>:<id>`) → the organisation and its kind. */
async function linksOf(db: DbOrTx, refs: readonly RegistryBodyRef[]) {
  const groups = idsByTable(refs);
  const out = new Map<string, { organisationId: string; kind: string }>();
  if (groups.length === 0) return out;
  const rows = await db
    .select({
      organisationId: organisationRegistryBody.organisationId,
      kind: organisation.kind,
      recognitionAuthorityId: organisationRegistryBody.recognitionAuthorityId,
      nationwideBodyId: organisationRegistryBody.nationwideBodyId,
      craftsChamberId: organisationRegistryBody.craftsChamberId,
    })
    .from(organisationRegistryBody)
    .innerJoin(organisation, eq(organisation.id, organisationRegistryBody.organisationId))
    .where(or(...groups.map(([table, ids]) => inArray(LINK_COLUMN[table], ids))));
  for (const r of rows) {
    const ref = bodyOfLink(r);
    if (ref) out.set(registryBodyKey(ref), { organisationId: r.organisationId, kind: r.kind });
  }
  return out;
}

/** Demo data: the organisation without the bodies another organisation already is (demo seeds never fail). */
export async function withUntakenBodies<T extends { registryBodies?: readonly RegistryBodyRef[] }>(
  db: DbOrTx,
  org: T,
): Promise<T> {
  const links = await linksOf(db, org.registryBodies ?? []);
  return { ...org, registryBodies: (org.registryBodies ?? []).filter((r) => !links.has(registryBodyKey(r))) };
}

/** The recognition-authority organisations that are the given bodies, keyed by `registryBodyKey`. */
export async function organisationsOfBodies(
  db: DbOrTx,
  refs: readonly RegistryBodyRef[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [key, link] of await linksOf(db, refs))
    if (link.kind === 'recognition-authority') out.set(key, link.organisationId);
  return out;
}

/** What is wrong with the bodies named for an organisation: `reference` (unknown, named twice) or `taken`. */
export interface RegistryBodyProblem extends FieldError {
  readonly index: number;
}

/**
 * The problems of bodies named for an organisation: unknown to the registry or named twice (`errors`), or already
 * another organisation (`taken`; the organisation's own links, when it is given, do not count).
 */
export async function registryBodyProblems(
  db: DbOrTx,
  refs: readonly RegistryBodyRef[],
  field = 'body.registryBodies',
  exceptOrganisationId: string | null = null,
): Promise<{ errors: RegistryBodyProblem[]; taken: RegistryBodyProblem[] }> {
  const errors: RegistryBodyProblem[] = [];
  const seen = new Set<string>();
  for (const [i, r] of refs.entries()) {
    if (seen.has(registryBodyKey(r)))
      errors.push({ index: i, field: `${field}.${i}`, rule: 'unique', message: 'is named twice' });
    seen.add(registryBodyKey(r));
  }
  for (const [table, ids] of idsByTable(refs)) {
    const { table: from, id } = REGISTRY[table];
    const known = new Set((await db.select({ id }).from(from).where(inArray(id, ids))).map((r) => r.id));
    for (const [i, r] of refs.entries())
      if (r.table === table && !known.has(r.id))
        errors.push({
          index: i,
          field: `${field}.${i}`,
          rule: 'reference',
          message: `is not a ${table} of the registry`,
        });
  }
  if (errors.length > 0) return { errors, taken: [] };
  const links = await linksOf(db, refs);
  const taken = refs.flatMap((r, i) => {
    const link = links.get(registryBodyKey(r));
    return link && link.organisationId !== exceptOrganisationId
      ? [{ index: i, field: `${field}.${i}`, rule: 'unique', message: 'is already another organisation' }]
      : [];
  });
  return { errors, taken };
}

/**
 * Refuses bodies an administrator names for a new organisation when they are unknown to the registry or named
 * twice (400), or already another organisation (409). Checked before the transaction: nothing is written.
 */
export async function checkRegistryBodies(
  db: DbOrTx,
  refs: readonly RegistryBodyRef[],
  field = 'body.registryBodies',
): Promise<void> {
  const strip = ({ index: _i, ...e }: RegistryBodyProblem): FieldError => e;
  const { errors, taken } = await registryBodyProblems(db, refs, field);
  if (errors.length > 0) throw new AppError('validation-failed', { errors: errors.map(strip) });
  if (taken.length > 0)
    throw new AppError('conflict', {
      detail: 'A registry body is one organisation at most.',
      errors: taken.map(strip),
    });
}

/** The registry bodies an organisation is. */
export async function registryBodiesOf(db: DbOrTx, organisationId: string): Promise<RegistryBodyRef[]> {
  const rows = await db
    .select()
    .from(organisationRegistryBody)
    .where(eq(organisationRegistryBody.organisationId, organisationId));
  return rows.map(bodyOfLink).filter((r): r is RegistryBodyRef => r !== null);
}

/** Makes the organisation exactly the given bodies (in the caller's transaction, after the check). */
export async function replaceRegistryBodies(
  tx: DbOrTx,
  organisationId: string,
  refs: readonly RegistryBodyRef[],
): Promise<void> {
  await tx
    .delete(organisationRegistryBody)
    .where(eq(organisationRegistryBody.organisationId, organisationId));
  await linkRegistryBodies(tx, organisationId, refs);
}

/** One registry body to choose in the administration's forms; `group` is a state code or `nationwide`. */
export interface RegistryBodyChoice {
  readonly ref: RegistryBodyRef;
  readonly group: string;
  readonly label: string;
}

/** Every recognition body of the registry, for the forms: per state the authorities and chambers, then nationwide. */
export async function registryBodyChoices(db: DbOrTx): Promise<RegistryBodyChoice[]> {
  const [authorities, chambers, bodies] = await Promise.all([
    db
      .select({
        id: recognitionAuthority.id,
        stateCode: recognitionAuthority.stateCode,
        title: recognitionAuthority.professionTitle,
        authority: recognitionAuthority.authority,
      })
      .from(recognitionAuthority)
      .orderBy(asc(recognitionAuthority.stateCode), asc(recognitionAuthority.professionTitle)),
    db
      .select({ id: craftsChamber.id, stateCode: craftsChamber.stateCode, name: craftsChamber.name })
      .from(craftsChamber)
      .orderBy(asc(craftsChamber.stateCode), asc(craftsChamber.name)),
    db
      .select({ id: nationwideBody.id, name: nationwideBody.name })
      .from(nationwideBody)
      .orderBy(asc(nationwideBody.name)),
  ]);
  return [
    ...authorities.map((a) => ({
      ref: { table: 'recognition-authority' as const, id: a.id },
      group: a.stateCode,
      label: `${a.title}: ${a.authority}`,
    })),
    ...chambers.map((c) => ({
      ref: { table: 'crafts-chamber' as const, id: c.id },
      group: c.stateCode,
      label: c.name,
    })),
    ...bodies.map((b) => ({
      ref: { table: 'nationwide-body' as const, id: b.id },
      group: 'nationwide',
      label: b.name,
    })),
  ];
}

/**
 * The bodies named by a form's checkbox values (each a `registryBodyKey`, `recognition-authority:SN:nurse`);
 * values of no known table are returned as `unknown`.
 */
export function registryBodiesFromForm(values: readonly string[]): {
  refs: RegistryBodyRef[];
  unknown: string[];
} {
  const refs: RegistryBodyRef[] = [];
  const unknown: string[] = [];
  for (const v of values) {
    const table = REGISTRY_BODY_TABLES.find((t) => v.startsWith(`${t}:`));
    const id = table ? v.slice(table.length + 1) : '';
    if (table && id) refs.push({ table, id });
    else unknown.push(v);
  }
  return { refs, unknown };
}
