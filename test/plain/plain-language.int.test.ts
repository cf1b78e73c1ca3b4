import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ROLE_CLASS, type Role } from '../../src/domain/access/roles.ts';
import { declaredRoutes } from '../../src/platform/http/policy.ts';
import { buildTestApp } from '../support/app.ts';
import { emptyForms, readPage, routeRegex } from '../support/crawl.ts';
import { makeActors, rolesFor } from '../support/fuzz.ts';
import { randomAddress } from '../support/identity.ts';
import { checkPage, type Locale, loadKnowledge, type PlainFinding } from '../support/plain-language.ts';

/**
 * Walks every page of the site in both languages, as the public and as each role that may see
 * it (with the demo data: organisations, accounts and journeys), and reads what each page shows
 * against the plain-language rules of test/support/plain-language.ts.
 *
 * KNOWN lists what is not yet plain, each with the reason and the part of issue 14 that fixes it.
 * The test fails on any finding not listed — and on a listed one that no longer occurs, so that
 * the list only ever shrinks.
 */

interface Known {
  rule: string;
  /** The page path (a regular expression over `/de/...`). */
  path: RegExp;
  /** A piece of the finding's text. */
  text: RegExp;
  why: string;
}

/** The API reference is written for developers of other systems: its content is the API's own names. */
const API_REFERENCE = /^\/(de\/schnittstelle|en\/api-reference)$/;
const API_REFERENCE_WHY =
  'the API reference (issue 20) shows developers of case systems the paths, parameter names and values of the ' +
  'API exactly as they must send them, and the operations as the OpenAPI document describes them, in English';

const KNOWN: Known[] = [
  ...['internal-name', 'jargon', 'unfilled-placeholder', 'other-language'].map((rule) => ({
    rule,
    path: API_REFERENCE,
    text: /./,
    why: API_REFERENCE_WHY,
  })),
  {
    rule: 'research-note',
    path: /^\/(de\/verwaltung|en\/admin)\/nachweise|^\/en\/admin\/records/,
    text: /UNVERIFIED/,
    why: 'names of recognition bodies in the reference data carry review notes (issue 14, point 4)',
  },
  {
    rule: 'other-language',
    path: /^\/de\/verwaltung\//,
    text: /./,
    why: 'names of recognition bodies and missions in the reference data are partly English (issue 14, point 4)',
  },
];

/** Staff of authorities and counselling centres read working names; the public and employers do not. */
const isStaff = (role: Role) => ROLE_CLASS[role] === 'authority' || role === 'counsellor';

const t = await buildTestApp();
const actors = await makeActors(t);
const knowledge = loadKnowledge();
after(() => t.close());

interface Seen extends PlainFinding {
  path: string;
  who: string;
}

async function walk(): Promise<{ findings: Seen[]; pages: number }> {
  const routes = declaredRoutes(t.app);
  const seen = emptyForms();
  const findings: Seen[] = [];
  /** Search forms (method GET) with their first choices: the answers pages show only after a search. */
  const searches = new Map<string, string>();
  let pages = 0;
  const pagesOf = routes.filter((r) => r.method === 'GET' && /^\/(de|en)(\/|$)/.test(r.url));
  const visit = async (path: string, policy: (typeof routes)[number]['policy']) => {
    const locale = path.split('/')[1] as Locale;
    const who: (Role | null)[] = 'public' in policy ? [null, 'applicant'] : rolesFor(policy);
    for (const role of who) {
      const headers = role ? { cookie: (await actors.browser(role)).cookie } : {};
      const res = await t.app.inject({ method: 'GET', url: path, headers, remoteAddress: randomAddress() });
      if (!String(res.headers['content-type']).startsWith('text/html')) continue;
      pages++;
      readPage(res.body, path, routes, seen);
      for (const [action, query] of searchesOn(res.body, path))
        if (!searches.has(action)) searches.set(action, query);
      const page = {
        html: res.body,
        locale,
        staff: role !== null && isStaff(role),
        administrator: role === 'administrator',
      };
      for (const f of checkPage(page, knowledge)) findings.push({ ...f, path, who: role ?? 'public' });
    }
  };
  for (const r of pagesOf.filter((p) => !p.url.includes(':'))) await visit(r.url, r.policy);
  for (const r of pagesOf.filter((p) => p.url.includes(':'))) {
    for (const path of [...(seen.paths.get(`GET ${r.url}`) ?? [])].slice(0, 3)) await visit(path, r.policy);
  }
  for (const [action, query] of searches) {
    const route = pagesOf.find((r) => routeRegex(r.url).test(action));
    if (route) await visit(`${action}?${query}`, route.policy);
  }
  return { findings, pages };
}

/** The GET forms of a page, each with a query that picks the first real choice of every select. */
function searchesOn(html: string, path: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = m[1] ?? '';
    if (!/method="get"/i.test(tag)) continue;
    const action = /action="([^"]*)"/.exec(tag)?.[1] ?? path;
    const query = new URLSearchParams();
    for (const select of (m[2] ?? '').matchAll(/<select\b[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const first = [...(select[2] ?? '').matchAll(/<option\b[^>]*value="([^"]+)"/g)][0]?.[1];
      if (first) query.set(select[1] ?? '', first.replace(/&amp;/g, '&'));
    }
    if (query.size > 0) out.push([action, query.toString()]);
  }
  return out;
}

describe('plain language on every page', () => {
  it('shows no code, research note, jargon or text of the other language to the people who read it', async () => {
    const { findings, pages } = await walk();
    console.log(`plain-language: ${pages} pages read, ${findings.length} findings`);
    assert.ok(pages >= 150, `only ${pages} pages were read`);
    const matches = (k: Known, f: Seen) => k.rule === f.rule && k.path.test(f.path) && k.text.test(f.text);
    const unknown = findings.filter((f) => !KNOWN.some((k) => matches(k, f)));
    const stale = KNOWN.filter((k) => !findings.some((f) => matches(k, f)));
    const show = (f: Seen) => `${f.rule} on ${f.path} (${f.who}): ${f.text}`;
    assert.deepEqual(unknown.map(show), [], 'findings that are not known');
    assert.deepEqual(
      stale.map((k) => `${k.rule} ${k.path} ${k.text}: ${k.why}`),
      [],
      'known findings that no longer occur: remove them from KNOWN',
    );
  });
});
