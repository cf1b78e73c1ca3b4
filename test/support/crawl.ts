import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import type { DeclaredRoute } from '../../src/platform/http/policy.ts';
import { type Actors, rolesFor } from './fuzz.ts';
import { randomAddress } from './identity.ts';

/**
 * What a browser learns from the pages: the fields of every form (with the values its options
 * and hidden inputs offer) and real values of path parameters from links and form actions, so
 * that the fuzz reaches past "not found" into the handlers. Pure functions over HTML text.
 */

export interface FormsSeen {
  /** Form action path → field name → values seen. */
  fields: Map<string, Map<string, Set<string>>>;
  /** Route parameter name → values seen in links and actions. */
  params: Map<string, Set<string>>;
  /** Concrete paths seen for each parametrised route (`METHOD url` of the route). */
  paths: Map<string, Set<string>>;
}

export function emptyForms(): FormsSeen {
  return { fields: new Map(), params: new Map(), paths: new Map() };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function htmlText(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ENTITIES[e] ?? '');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? htmlText(m[1] ?? '') : undefined;
}

/** A route pattern (`/de/wege/:id`) as a regular expression with named groups. */
export function routeRegex(url: string): RegExp {
  const source = url
    .split('/')
    .map((part) =>
      part.startsWith(':')
        ? `(?<${part.slice(1).replace(/[^A-Za-z_]/g, '')}>[^/?#]+)`
        : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`);
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key) ?? new Set<V>();
  map.set(key, set);
  set.add(value);
}

/** Reads the forms and links of one page into `seen`. */
export function readPage(
  html: string,
  pagePath: string,
  routes: readonly DeclaredRoute[],
  seen: FormsSeen,
): void {
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = m[1] ?? '';
    const action = (attr(` ${tag}`, 'action') ?? pagePath).split('?')[0] ?? pagePath;
    const fields = seen.fields.get(action) ?? new Map<string, Set<string>>();
    seen.fields.set(action, fields);
    let select: string | undefined;
    for (const el of (m[2] ?? '').matchAll(/<(input|select|textarea|button|option|\/select)\b([^>]*)>/g)) {
      const kind = el[1];
      const attrs = ` ${el[2] ?? ''}`;
      if (kind === '/select') {
        select = undefined;
        continue;
      }
      const name = attr(attrs, 'name');
      const value = attr(attrs, 'value');
      if (kind === 'select') select = name;
      if (kind === 'option' && select !== undefined) {
        add(fields, select, value ?? '');
        continue;
      }
      if (name === undefined) continue;
      if (!fields.has(name)) fields.set(name, new Set());
      if (value !== undefined) add(fields, name, value);
    }
  }
  const targets = [
    ...[...html.matchAll(/\s(?:href|action)="(\/[^"]*)"/g)].map(
      (m) => htmlText(m[1] ?? '').split(/[?#]/)[0] ?? '',
    ),
  ];
  for (const target of new Set(targets)) {
    for (const r of routes) {
      if (!r.url.includes(':')) continue;
      const groups = routeRegex(r.url).exec(target)?.groups;
      if (!groups) continue;
      add(seen.paths, `${r.method} ${r.url}`, target);
      for (const [k, v] of Object.entries(groups)) add(seen.params, k, v);
    }
  }
}

/** The fields of the forms whose action a route answers (name → values seen). */
export function fieldsFor(url: string, seen: FormsSeen): Map<string, string[]> {
  const re = routeRegex(url);
  const out = new Map<string, Set<string>>();
  for (const [action, fields] of seen.fields) {
    if (!re.test(action)) continue;
    for (const [name, values] of fields) for (const v of ['', ...values]) add(out, name, v);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].filter((x) => x !== '' || v.size === 1)]));
}

/**
 * Visits every page of the site like its users would: each GET page under /de/ and /en/ as
 * anonymous and as each role that may see it, then the pages behind the links found.
 */
export async function crawlSite(
  app: FastifyInstance,
  routes: readonly DeclaredRoute[],
  actors: Actors,
): Promise<FormsSeen & { visited: number }> {
  const seen = emptyForms();
  let visited = 0;
  const pages = routes.filter((r) => r.method === 'GET' && /^\/(de|en)\//.test(r.url));
  const visit = async (url: string, policy: DeclaredRoute['policy']) => {
    const who: (Role | null)[] = 'public' in policy ? [null, 'applicant'] : rolesFor(policy);
    for (const role of who) {
      const headers = role ? { cookie: (await actors.browser(role)).cookie } : {};
      const res = await app.inject({ method: 'GET', url, headers, remoteAddress: randomAddress() });
      visited++;
      if (res.statusCode === 200 && String(res.headers['content-type']).startsWith('text/html'))
        readPage(res.body, url, routes, seen);
    }
  };
  for (const r of pages.filter((p) => !p.url.includes(':'))) await visit(r.url, r.policy);
  for (const r of pages.filter((p) => p.url.includes(':'))) {
    for (const path of [...(seen.paths.get(`GET ${r.url}`) ?? [])].slice(0, 3)) await visit(path, r.policy);
  }
  return { ...seen, visited };
}
