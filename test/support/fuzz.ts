import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { eq, like } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { mayAttempt } from '../../src/domain/access/policy.ts';
import { ROLES, type Role } from '../../src/domain/access/roles.ts';
import { journey } from '../../src/features/journey/schema.ts';
import { organisation, person, roleAssignment } from '../../src/features/people/schema.ts';
import type { RoutePolicy } from '../../src/platform/http/policy.ts';
import { DEMO_DOMAIN, seedDemo } from '../../src/seed/identity-demo.ts';
import { seedJourneyDemo } from '../../src/seed/journeys.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { makeAccount, randomAddress, sessionFor } from './identity.ts';

/**
 * The property-based fuzz of the security suite (docs/security-suite.md): generators of hostile
 * input, the signed-in browsers of every role, and the bookkeeping that prints one figures line
 * per file. Requests go through `app.inject`, never the network.
 */

// ---------------------------------------------------------------------------------------------
// Seed and budget

/** The seed of this run: FUZZ_SEED replays one; otherwise a fresh one, printed. */
export function fuzzSeed(): number {
  const fromEnv = process.env.FUZZ_SEED;
  if (fromEnv !== undefined && fromEnv !== '') {
    const n = Number(fromEnv);
    if (!Number.isSafeInteger(n)) throw new Error(`FUZZ_SEED must be an integer, got ${fromEnv}`);
    return n;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** Cases per operation: FUZZ_RUNS, at least 200 (the issue's floor) unless lowered for a quick look. */
export function fuzzRuns(): number {
  const n = Number(process.env.FUZZ_RUNS ?? 200);
  return Number.isSafeInteger(n) && n > 0 ? n : 200;
}

/** A per-operation seed, so that one operation replays alike whatever runs before it. */
export function seedFor(seed: number, key: string): number {
  let h = seed | 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

// ---------------------------------------------------------------------------------------------
// Hostile strings

/** Marks an HTML payload: a response page must never carry it unescaped. */
export const MARKUP_MARKER = 'fz-x';

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfffy',
  '\ud83d',
  '\u202e\u0644\u0627',
  '\u200f',
  '\ufeff',
  '\r\nSet-Cookie: a=b',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '..%2f',
  '..%2F..%2Fetc%2Fpasswd',
  '../../etc/passwd',
  '..\\..\\windows',
  '%',
  '%zz',
  '%E0%A4%A',
  '%F0%9F%99%82',
  '🙂',
  'é',
  'Ω≈ç√∫',
  '\u0301',
  "' OR 1=1 --",
  '"; DROP TABLE person; --',
  '\\',
  '$1',
  `$${'{'}7*7}`,
  '{{7*7}}',
  `<${MARKUP_MARKER} onerror=alert(1)>`,
  `"><${MARKUP_MARKER}>`,
  'javascript:alert(1)',
  '=HYPERLINK("x")',
  '0',
  '-1',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '9007199254740993',
  '2147483648',
  '0x10',
  '1.5',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  'a@b',
  'someone@example.org',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '14626',
  'SN',
  'DE',
  'IN',
  'de',
  'en',
  'applicant',
  'administrator',
];

const nastyChar = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200f',
  '\u2028',
  '\ufeff',
  '\uffff',
  '%',
  '&',
  '=',
  '+',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '/',
  '\n',
  '\t',
);

/** Strings over full Unicode with NUL, lone surrogates, bidi marks and URL metacharacters mixed in. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.oneof(
        nastyChar,
        fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 40,
    }),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.emailAddress() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '\u0000', 'ß', '🙂', '\ud800', 'x'), fc.integer({ min: 256, max: 20_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY), fc.string()).map(([a, b]) => a + b) },
);

/** A path segment: hostile strings, percent-encoded or raw, plus ids of the right shape. */
export function hostileSegment(known: readonly string[]): fc.Arbitrary<string> {
  const arbitraries: fc.Arbitrary<string>[] = [
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      '..%2f',
      '..%2F..%2F',
      '%2e%2e',
      '%00',
      'a%00b',
      '%ED%A0%80',
      '%zz',
      '%',
      '%20',
      '00000000-0000-0000-0000-000000000000',
      'a'.repeat(199),
      'a'.repeat(201),
      'x'.repeat(5000),
      '-1',
      '0',
      '1e309',
    ),
    fc.uuid(),
    hostileString.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))),
  ];
  // Read when a case is made, so that ids harvested from earlier answers are used too.
  if (known.length > 0) arbitraries.push(fc.nat().map((i) => known[i % known.length] ?? ''));
  return fc.oneof(...arbitraries);
}

// ---------------------------------------------------------------------------------------------
// JSON values, kept as a tree so that keys such as __proto__ reach the wire as text

export type JsonTree =
  | { k: 'raw'; text: string }
  | { k: 'str'; v: string }
  | { k: 'arr'; items: JsonTree[] }
  | { k: 'obj'; entries: [string, JsonTree][] };

/** The JSON text of a tree (strings with lone surrogates are written as escapes, as JSON allows). */
export function jsonText(t: JsonTree): string {
  switch (t.k) {
    case 'raw':
      return t.text;
    case 'str':
      return JSON.stringify(t.v);
    case 'arr':
      return `[${t.items.map(jsonText).join(',')}]`;
    case 'obj':
      return `{${t.entries.map(([key, v]) => `${JSON.stringify(key)}:${jsonText(v)}`).join(',')}}`;
  }
}

const edgeNumbers = fc.constantFrom(
  '0',
  '-0',
  '1',
  '-1',
  '1.5',
  '1e308',
  '-1e308',
  '1e400',
  '5e-324',
  '9007199254740993',
  '123456789012345678901234567890',
  '2147483648',
  '-2147483649',
  '0.1',
);

const leaf: fc.Arbitrary<JsonTree> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((v) => ({ k: 'str', v }) as JsonTree) },
  { weight: 2, arbitrary: edgeNumbers.map((text) => ({ k: 'raw', text }) as JsonTree) },
  { weight: 1, arbitrary: fc.integer().map((n) => ({ k: 'raw', text: String(n) }) as JsonTree) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('true', 'false', 'null').map((text) => ({ k: 'raw', text }) as JsonTree),
  },
);

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Keys: the names the operation knows (from its schema or form) and hostile ones. */
export function keyArbitrary(names: readonly string[]): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [fc.constantFrom(...PROTO_KEYS), hostileString];
  if (names.length > 0) options.unshift(fc.constantFrom(...names), fc.constantFrom(...names));
  return fc.oneof(...options);
}

/** Arbitrary JSON with hostile keys and values, a few levels deep. */
export function jsonTree(names: readonly string[]): fc.Arbitrary<JsonTree> {
  const key = keyArbitrary(names);
  const { tree } = fc.letrec((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('tree'), { maxLength: 4 }).map((items) => ({ k: 'arr', items }) as JsonTree),
      fc
        .array(fc.tuple(key, tie('tree')), { maxLength: 5 })
        .map((entries) => ({ k: 'obj', entries }) as JsonTree),
    ),
  }));
  return tree;
}

/** Nesting far deeper than any schema expects (arrays or objects), written as text directly. */
export const deepTree: fc.Arbitrary<JsonTree> = fc
  .tuple(fc.integer({ min: 50, max: 5000 }), fc.boolean(), fc.constantFrom('__proto__', 'a', 'constructor'))
  .map(([depth, arrays, key]) => ({
    k: 'raw',
    text: arrays
      ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
      : `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`,
  }));

// ---------------------------------------------------------------------------------------------
// Schema-guided values: near-valid bodies with hostile parts, so that fuzzing reaches past the
// first validation error into the handlers.

type Schema = Record<string, unknown>;

function validLeaf(s: Schema): fc.Arbitrary<JsonTree> | undefined {
  const values = (s.enum as unknown[] | undefined) ?? ('const' in s ? [s.const] : undefined);
  if (values && values.length > 0)
    return fc.constantFrom(...values).map((v) => ({ k: 'raw', text: JSON.stringify(v) }));
  switch (s.type) {
    case 'string': {
      const min = (s.minLength as number | undefined) ?? 0;
      const max = Math.max(min, Math.min((s.maxLength as number | undefined) ?? 40, 80));
      if (s.format === 'uuid') return fc.uuid().map((v) => ({ k: 'str', v }));
      if (s.format === 'date')
        return fc.constantFrom('2026-01-31', '1990-02-28', '2031-12-01').map((v) => ({ k: 'str', v }));
      if (s.format === 'date-time')
        return fc
          .constantFrom('2026-01-31T10:00:00Z', '2031-12-01T00:00:00.000Z')
          .map((v) => ({ k: 'str', v }));
      if (s.format === 'email') return fc.emailAddress().map((v) => ({ k: 'str', v }));
      return fc.string({ minLength: min, maxLength: max }).map((v) => ({ k: 'str', v }));
    }
    case 'integer':
    case 'number': {
      const min = (s.minimum as number | undefined) ?? 0;
      const max = (s.maximum as number | undefined) ?? min + 100;
      return fc
        .integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) })
        .map((n) => ({ k: 'raw', text: String(n) }));
    }
    case 'boolean':
      return fc.boolean().map((b) => ({ k: 'raw', text: String(b) }));
    case 'null':
      return fc.constant({ k: 'raw', text: 'null' });
    default:
      return undefined;
  }
}

/** A value for a JSON schema: mostly fitting, sometimes hostile at any depth. */
export function fromSchema(schema: Schema, names: readonly string[], depth = 0): fc.Arbitrary<JsonTree> {
  const hostile = depth > 6 ? leaf : fc.oneof(leaf, jsonTree(names));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  let fitting: fc.Arbitrary<JsonTree> | undefined;
  if (alternatives && alternatives.length > 0 && depth <= 6)
    fitting = fc.oneof(...alternatives.map((a) => fromSchema(a, names, depth + 1)));
  else if ((schema.type === 'object' || schema.properties) && depth <= 6) {
    const properties = Object.entries((schema.properties as Record<string, Schema> | undefined) ?? {});
    const required = new Set((schema.required as string[] | undefined) ?? []);
    fitting = fc
      .tuple(
        ...properties.map(([name, s]) =>
          fc.tuple(
            fc.constant(name),
            fromSchema(s, names, depth + 1),
            required.has(name) ? fc.boolean() : fc.constant(true),
            fc.nat(19),
          ),
        ),
        fc.array(fc.tuple(keyArbitrary(names), leaf), { maxLength: 1 }),
      )
      .map((parts) => {
        const extra = parts.pop() as [string, JsonTree][];
        const entries = (parts as [string, JsonTree, boolean, number][])
          // Required fields go missing one time in twenty; optional ones half of the time.
          .filter(([name, , keep, dice]) => (required.has(name) ? keep || dice > 0 : dice % 2 === 0))
          .map(([name, v]) => [name, v] as [string, JsonTree]);
        return { k: 'obj', entries: [...entries, ...extra] } as JsonTree;
      });
  } else if (schema.type === 'array' && depth <= 6) {
    const items = (schema.items as Schema | undefined) ?? {};
    fitting = fc
      .array(fromSchema(items, names, depth + 1), { maxLength: 3 })
      .map((arr) => ({ k: 'arr', items: arr }) as JsonTree);
  } else fitting = validLeaf(schema);
  if (!fitting) return hostile;
  return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: hostile });
}

/** Every property name in a JSON schema, to use as keys elsewhere. */
export function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) propertyNames(s, into);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) into.add(name);
      propertyNames(v, into);
    }
  }
  return into;
}

// ---------------------------------------------------------------------------------------------
// Request bodies

export interface Body {
  contentType: string | undefined;
  payload: string | Buffer | undefined;
  /** A short description for the report. */
  kind: string;
}

function formEncode(pairs: readonly [string, string][]): string {
  // URLSearchParams turns lone surrogates into U+FFFD; encode by hand to keep them (as %ED%A0%80-like bytes would be invalid UTF-8).
  return pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join('&');
}

/** Percent-encoding that keeps broken input broken: lone surrogates become raw invalid UTF-8 escapes. */
export function encodeLoose(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    } else out += encodeURIComponent(ch);
  }
  return out;
}

function multipart(
  parts: readonly { name: string; value: string; filename?: string; type?: string }[],
): Body {
  const boundary = `fz${randomUUID().replaceAll('-', '')}`;
  const chunks: string[] = [];
  for (const p of parts) {
    const disposition = p.filename !== undefined ? `; filename=${JSON.stringify(p.filename)}` : '';
    chunks.push(
      `--${boundary}\r\nContent-Disposition: form-data; name=${JSON.stringify(p.name)}${disposition}\r\n` +
        (p.type ? `Content-Type: ${p.type}\r\n` : '') +
        `\r\n${p.value}\r\n`,
    );
  }
  chunks.push(`--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.from(chunks.join('')),
    kind: 'multipart',
  };
}

const FILE_CONTENTS = [
  '%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF',
  '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0',
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  '',
  'plain text',
];

/** Multipart bodies: fields and file parts with hostile names, types and contents. */
export function multipartBody(names: readonly string[]): fc.Arbitrary<Body> {
  const part = fc.record({
    name: fc.oneof(keyArbitrary(names), fc.constant('file')),
    value: fc.oneof(hostileString, fc.constantFrom(...FILE_CONTENTS)),
    filename: fc.option(
      fc.oneof(hostileString, fc.constantFrom('a.pdf', '../../x.pdf', 'x.pdf\u202egpj.exe', 'a.png')),
      {
        nil: undefined,
      },
    ),
    type: fc.option(
      fc.constantFrom('application/pdf', 'image/png', 'image/svg+xml', 'text/html', '\u0000', ''),
      {
        nil: undefined,
      },
    ),
  });
  return fc.array(part, { maxLength: 4 }).map((parts) => multipart(parts));
}

/** Bodies in the wrong shape or encoding for anything: the same for every route. */
export function oddBody(names: readonly string[]): fc.Arbitrary<Body> {
  return fc.oneof(
    fc.constant<Body>({ contentType: 'application/json', payload: '', kind: 'empty json' }),
    fc
      .constantFrom(
        '{',
        '{"a":',
        '[1,]',
        'nul',
        '\u0000',
        '{"a":1}{"b":2}',
        '"\\ud800"',
        '{"__proto__":{"x":1}}',
      )
      .map((payload): Body => ({ contentType: 'application/json', payload, kind: 'broken json' })),
    fc
      .tuple(
        jsonTree(names),
        fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=utf-7'),
      )
      .map(
        ([t, contentType]): Body => ({
          contentType,
          payload: jsonText(t),
          kind: 'json with another content type',
        }),
      ),
    fc.constant<Body>({
      contentType: 'multipart/form-data',
      payload: 'a=b',
      kind: 'multipart without boundary',
    }),
    fc.constant<Body>({ contentType: undefined, payload: 'a=b', kind: 'no content type' }),
    multipartBody(names),
    deepTree.map((t): Body => ({ contentType: 'application/json', payload: jsonText(t), kind: 'deep json' })),
  );
}

/** `application/x-www-form-urlencoded` bodies with the form's fields, repeated and hostile. */
export function formBody(
  fields: ReadonlyMap<string, readonly string[]>,
  names: readonly string[],
): fc.Arbitrary<[string, string][]> {
  const known = [...fields.keys()].filter((n) => n !== '_csrf');
  const fieldValue = (name: string) => {
    const seen = fields.get(name) ?? [];
    return seen.length > 0 ? fc.oneof(fc.constantFrom(...seen), hostileString) : hostileString;
  };
  const fitting =
    known.length > 0
      ? fc
          .tuple(...known.map((n) => fc.tuple(fc.constant(n), fieldValue(n), fc.nat(4))))
          .map((all) => all.filter(([, , dice]) => dice > 0).map(([n, v]) => [n, v] as [string, string]))
      : fc.constant<[string, string][]>([]);
  return fc
    .tuple(fitting, fc.array(fc.tuple(keyArbitrary([...known, ...names]), hostileString), { maxLength: 4 }))
    .map(([a, b]) => [...a, ...b]);
}

export function formPayload(pairs: readonly [string, string][]): Body {
  return { contentType: 'application/x-www-form-urlencoded', payload: formEncode(pairs), kind: 'form' };
}

/** A query string with repeated and hostile parameters. */
export function queryString(names: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(keyArbitrary(names), hostileString), { maxLength: 4 })
    .chain((pairs) =>
      fc.oneof(
        fc.constant(formEncode(pairs)),
        fc.constant(formEncode([...pairs, ...pairs])),
        fc.constantFrom(
          'a=%zz',
          'a[b]=1&a[c]=2',
          '__proto__[x]=1',
          'a=1&a=2&a=3',
          '%00=%00',
          '&&&=',
          'a'.repeat(3000),
        ),
      ),
    )
    .map((q) => (q ? `?${q}` : ''));
}

/** Fills the `:name` or `{name}` parameters of a route with generated segments. */
export function fillPath(url: string, segment: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const params = [...url.matchAll(/[:{]([A-Za-z_]+)\}?/g)];
  if (params.length === 0) return fc.constant(url);
  return fc.tuple(...params.map(() => segment)).map((values) => {
    let i = 0;
    return url.replace(/[:{][A-Za-z_]+\}?/g, () => values[i++] ?? '');
  });
}

// ---------------------------------------------------------------------------------------------
// Who calls: anonymous, or a signed-in browser of a role that may call the route

export interface Browser {
  role: Role;
  personId: string;
  cookie: string;
  csrfToken: string;
}

export interface Actors {
  /** A signed-in browser of the role (renewed after a fuzzed request ended its session). */
  browser(role: Role): Promise<Browser>;
  renew(role: Role): Promise<Browser>;
  /** Ids that exist in this database: the people and organisations the fuzz signs in with. */
  knownIds: string[];
}

/**
 * The demo data of `npm run seed` (the demo organisations, one account per role, and the demo
 * journeys between them), so that fuzzed requests meet real objects; sessions are made directly.
 */
export async function makeActors(t: TestApp): Promise<Actors> {
  const db = t.database.db;
  await seedDemo(db, 'test', new Date());
  await seedJourneyDemo(db);
  const people = new Map<Role, string>();
  const organisationOf = new Map<Role, string | undefined>();
  const rows = await db
    .select({ id: person.id, role: roleAssignment.role, organisation: organisation.slug })
    .from(person)
    .innerJoin(roleAssignment, eq(roleAssignment.personId, person.id))
    .leftJoin(organisation, eq(organisation.id, roleAssignment.organisationId))
    .where(like(person.email, `%@${DEMO_DOMAIN}`));
  for (const r of rows) {
    if (people.has(r.role)) continue;
    people.set(r.role, r.id);
    organisationOf.set(r.role, r.organisation ?? undefined);
  }
  for (const role of ROLES) assert.ok(people.has(role), `the demo seed has an account for ${role}`);
  const journeys = await db.select({ id: journey.id }).from(journey).limit(20);
  const organisations = await db.select({ id: organisation.id }).from(organisation).limit(20);
  const knownIds = [...people.values(), ...journeys.map((j) => j.id), ...organisations.map((o) => o.id)];
  const browsers = new Map<Role, Browser>();
  // A fuzzed request may end the actor itself: an administrator granting the erasure request the applicant
  // filed erases that person, who can never sign in again. The fuzz then goes on with a new account of the role.
  const sessionOfRole = async (role: Role) => {
    const personId = people.get(role) ?? '';
    try {
      return { personId, ...(await sessionFor(t.app, db, personId, role)) };
    } catch {
      const { personId: fresh } = await makeAccount(db, role, organisationOf.get(role));
      people.set(role, fresh);
      return { personId: fresh, ...(await sessionFor(t.app, db, fresh, role)) };
    }
  };
  const renew = async (role: Role) => {
    const { personId, ...s } = await sessionOfRole(role);
    const b = { role, personId, cookie: s.cookie, csrfToken: s.csrfToken };
    browsers.set(role, b);
    return b;
  };
  return {
    knownIds,
    renew,
    browser: async (role) => browsers.get(role) ?? renew(role),
  };
}

/** The roles that may call a route (all roles for a public one). */
export function rolesFor(policy: RoutePolicy | undefined): Role[] {
  if (!policy || 'public' in policy) return ['applicant', 'administrator'];
  const roles = ROLES.filter((r) => mayAttempt([r], policy.action, policy.resource));
  return roles.length > 0 ? roles : ['administrator'];
}

// ---------------------------------------------------------------------------------------------
// Checking answers and counting

export interface Finding {
  operation: string;
  who: string;
  status: number;
  request: string;
  body: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Ids in a successful answer (new journeys, documents, shares) join the ids the fuzz tries. */
function harvestIds(body: string, into: string[]) {
  if (into.length >= 500) return;
  for (const [id] of body.matchAll(UUID)) if (!into.includes(id)) into.push(id);
}

export class Tally {
  /** Ids that exist: the demo data's, then those seen in successful answers. */
  readonly knownIds: string[] = [];
  readonly started = performance.now();
  operations = 0;
  cases = 0;
  requests = 0;
  private readonly cpu = process.cpuUsage();
  /** Bad answers per operation (all counted, the first few kept with their request). */
  readonly bad = new Map<string, { count: number; status5xx: number; samples: Finding[] }>();

  record(f: Finding): void {
    const entry = this.bad.get(f.operation) ?? { count: 0, status5xx: 0, samples: [] };
    this.bad.set(f.operation, entry);
    entry.count++;
    if (f.status >= 500) entry.status5xx++;
    if (entry.samples.length < 5) entry.samples.push(f);
  }

  figures(): string {
    const cpu = process.cpuUsage(this.cpu);
    return `FUZZ ${JSON.stringify({
      operations: this.operations,
      cases: this.cases,
      requests: this.requests,
      status500: [...this.bad.values()].reduce((n, e) => n + e.status5xx, 0),
      otherBadAnswers: [...this.bad.values()].reduce((n, e) => n + e.count - e.status5xx, 0),
      seconds: Math.round((performance.now() - this.started) / 100) / 10,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 100_000) / 10,
    })}`;
  }
}

/** A replayable description of a request for the report (long values cut). */
export function describeRequest(o: InjectOptions): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…(${s.length})` : s);
  const payload =
    typeof o.payload === 'string'
      ? o.payload
      : Buffer.isBuffer(o.payload)
        ? o.payload.toString('latin1')
        : '';
  const headers = { ...(o.headers as Record<string, string>) };
  delete headers.cookie;
  return JSON.stringify({ method: o.method, url: cut(String(o.url)), headers, payload: cut(payload) });
}

/** The start of an answer; of a page its title and first paragraph. */
function gist(body: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1];
  if (title === undefined) return body.slice(0, 300);
  const text = /<main[\s\S]*?<p[^>]*>([\s\S]*?)<\/p>/.exec(body)?.[1] ?? '';
  return `page "${title}" ${text.replace(/<[^>]+>/g, '').slice(0, 200)}`;
}

/** Sends one fuzzed request; records a finding on 5xx or on an answer that breaks the contract. */
export async function send(
  t: TestApp,
  tally: Tally,
  operation: string,
  who: string,
  options: InjectOptions,
  check: (res: LightMyRequestResponse) => string | undefined,
): Promise<LightMyRequestResponse> {
  const res = await t.app.inject({ remoteAddress: randomAddress(), ...options });
  tally.requests++;
  if (res.statusCode < 300) harvestIds(res.body, tally.knownIds);
  const broken = res.statusCode >= 500 ? `status ${res.statusCode}` : check(res);
  if (broken)
    tally.record({
      operation,
      who,
      status: res.statusCode,
      request: describeRequest(options),
      body: `${broken}: ${gist(res.body)}`,
    });
  return res;
}

/** The credentials a request carries: none (anonymous) or a browser's cookie and CSRF token. */
export interface Caller {
  cookie?: string;
  csrfToken?: string;
}

/**
 * One fuzz case: the request as an anonymous visitor (with the anonymous CSRF pair when given),
 * then as a signed-in browser of `role`. A fuzzed request may have ended that browser's session
 * (sign-out, revocation); then it signs in again and repeats the request once.
 */
export async function exercise(
  t: TestApp,
  tally: Tally,
  actors: Actors,
  operation: string,
  c: { role: Role; anonymous?: Caller; build: (caller: Caller) => InjectOptions },
  check: (res: LightMyRequestResponse) => string | undefined,
): Promise<void> {
  tally.cases++;
  await send(t, tally, operation, 'anonymous', c.build(c.anonymous ?? {}), check);
  const signedIn = async (renewed: boolean) => {
    const b = renewed ? await actors.renew(c.role) : await actors.browser(c.role);
    return send(t, tally, operation, c.role, c.build(b), check);
  };
  if ((await signedIn(false)).statusCode === 401) await signedIn(true);
}

/** API answers: every 4xx a problem+json document; a validation failure names each field and rule. */
export function checkApiAnswer(res: LightMyRequestResponse): string | undefined {
  if (res.statusCode < 400 || res.statusCode >= 500) return undefined;
  const type = String(res.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `4xx as ${type}`;
  let problem: { status?: number; code?: string; errors?: { field?: unknown; rule?: unknown }[] };
  try {
    problem = JSON.parse(res.body);
  } catch {
    return 'problem is not JSON';
  }
  if (problem.status !== res.statusCode || typeof problem.code !== 'string')
    return 'problem without code/status';
  if (problem.code === 'validation-failed') {
    const errors = problem.errors ?? [];
    if (errors.length === 0) return 'validation-failed without errors';
    if (errors.some((e) => typeof e.field !== 'string' || !e.field || typeof e.rule !== 'string' || !e.rule))
      return 'validation error without field or rule';
  }
  return undefined;
}

/** HTML answers: never the fuzz's markup unescaped. */
export function checkPageAnswer(res: LightMyRequestResponse): string | undefined {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/html') && res.body.includes(`<${MARKUP_MARKER}`))
    return 'markup echoed unescaped';
  return undefined;
}

/** Fails with the first findings, each with a request to replay. */
export function assertNoFindings(tally: Tally, operation: string, seed: number): void {
  const entry = tally.bad.get(operation);
  if (!entry) return;
  const shown = entry.samples
    .slice(0, 3)
    .map((f) => `  ${f.who} → ${f.status} ${f.body}\n    request: ${f.request}`)
    .join('\n');
  assert.fail(
    `${operation}: ${entry.count} bad answer(s), ${entry.status5xx} of them 5xx (FUZZ_SEED=${seed})\n${shown}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Prototype pollution

/** A fingerprint of the built-in prototypes, compared before and after a run. */
export function prototypeFingerprint(): string {
  const describe = (o: object) =>
    Object.getOwnPropertyNames(o)
      .sort()
      .map((name) => {
        const d = Object.getOwnPropertyDescriptor(o, name);
        return `${name}:${typeof d?.value}:${d?.get ? 'get' : ''}`;
      })
      .join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describe).join('|');
}

// ---------------------------------------------------------------------------------------------
// One fuzz file

export interface FuzzRun {
  seed: number;
  runs: number;
  t: TestApp;
  actors: Actors;
  tally: Tally;
  /** Closes the app and prints the figures line. */
  finish(): Promise<void>;
  /** Every operation ran, and the built-in prototypes are as they were before the app started. */
  assertComplete(operations: number): void;
}

/** A fresh app and database with the accounts of every role, the seed printed for replay. */
export async function startFuzz(name: string): Promise<FuzzRun> {
  const seed = fuzzSeed();
  const runs = fuzzRuns();
  const before = prototypeFingerprint();
  const t = await buildTestApp();
  const actors = await makeActors(t);
  const tally = new Tally();
  tally.knownIds.push(...actors.knownIds);
  console.log(`${name}: FUZZ_SEED=${seed} runs=${runs}`);
  return {
    seed,
    runs,
    t,
    actors,
    tally,
    finish: async () => {
      await t.close();
      console.log(tally.figures());
    },
    assertComplete: (operations) => {
      assert.equal(tally.operations, operations, 'every operation was fuzzed');
      assert.equal(prototypeFingerprint(), before, 'the built-in prototypes are unchanged');
      assert.equal(({} as Record<string, unknown>).x, undefined);
    },
  };
}
