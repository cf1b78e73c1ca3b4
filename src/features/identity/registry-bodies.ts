/**
 * Which registry bodies a platform organisation is (`organisation_registry_body`): set when an administrator
 * creates a recognition authority, read by the journey to give the recognition step to the competent organisation.
 */
import { eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import { type RegistryBodyRef, type RegistryBodyTable, registryBodyKey } from '../registry/competence.ts';
import { craftsChamber, nationwideBody, recognitionAuthority } from '../registry/schema.ts';
import { organisation, organisationRegistryBody } from './schema.ts';

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
    const ref: RegistryBodyRef | null = r.recognitionAuthorityId
      ? { table: 'recognition-authority', id: r.recognitionAuthorityId }
      : r.nationwideBodyId
        ? { table: 'nationwide-body', id: r.nationwideBodyId }
        : r.craftsChamberId
          ? { table: 'crafts-chamber', id: r.craftsChamberId }
          : null;
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

/**
 * Refuses bodies an administrator names for a new organisation when they are unknown to the registry or named
 * twice (400), or already another organisation (409). Checked before the transaction: nothing is written.
 */
export async function checkRegistryBodies(
  db: DbOrTx,
  refs: readonly RegistryBodyRef[],
  field = 'body.registryBodies',
): Promise<void> {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [i, r] of refs.entries()) {
    if (seen.has(registryBodyKey(r)))
      errors.push({ field: `${field}.${i}`, rule: 'unique', message: 'is named twice' });
    seen.add(registryBodyKey(r));
  }
  for (const [table, ids] of idsByTable(refs)) {
    const { table: from, id } = REGISTRY[table];
    const known = new Set((await db.select({ id }).from(from).where(inArray(id, ids))).map((r) => r.id));
    for (const [i, r] of refs.entries())
      if (r.table === table && !known.has(r.id))
        errors.push({
          field: `${field}.${i}`,
          rule: 'reference',
          message: `is not a ${table} of the registry`,
        });
  }
  if (errors.length > 0) throw new AppError('validation-failed', { errors });
  const links = await linksOf(db, refs);
  const taken = refs.flatMap((r, i) =>
    links.has(registryBodyKey(r))
      ? [{ field: `${field}.${i}`, rule: 'unique', message: 'is already another organisation' }]
      : [],
  );
  if (taken.length > 0)
    throw new AppError('conflict', {
      detail: 'A registry body is one organisation at most.',
      errors: taken,
    });
}
