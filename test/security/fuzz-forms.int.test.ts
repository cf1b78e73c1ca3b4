import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { declaredRoutes } from '../../src/platform/http/policy.ts';
import { csrfFor } from '../support/app.ts';
import { crawlSite, fieldsFor } from '../support/crawl.ts';
import {
  assertNoFindings,
  type Body,
  checkPageAnswer,
  encodeLoose,
  exercise,
  fillPath,
  formBody,
  formPayload,
  hostileSegment,
  hostileString,
  jsonText,
  jsonTree,
  multipartBody,
  oddBody,
  rolesFor,
  seedFor,
  startFuzz,
} from '../support/fuzz.ts';

/**
 * Fuzz of every HTML form (docs/security-suite.md): every POST/PUT/PATCH/DELETE route under
 * /de/ and /en/, found in the app's route table. Bodies carry the fields the crawled pages offer
 * (with hostile values, repeats and extra keys) and the CSRF token a browser would send; each
 * case goes anonymously and as a signed-in user of a role that may submit the form. No answer
 * may be a 5xx, and no page may echo the fuzz's markup unescaped.
 */

const { seed: SEED, runs: RUNS, t, actors, tally, finish, assertComplete } = await startFuzz('fuzz-forms');
const routes = declaredRoutes(t.app);
const site = await crawlSite(t.app, routes, actors);
const anonymous = await csrfFor(t.app);
console.log(`fuzz-forms: crawled ${site.visited} pages, ${site.fields.size} forms`);

const forms = routes.filter((r) => r.method !== 'GET' && /^\/(de|en)\//.test(r.url));
const ALL_FIELDS = [...new Set([...site.fields.values()].flatMap((f) => [...f.keys()]))].filter(
  (n) => n !== '_csrf',
);
tally.knownIds.push(...new Set([...site.params.values()].flatMap((v) => [...v])));

type Shape =
  | { k: 'form'; pairs: [string, string][]; csrfTwice: boolean }
  | { k: 'multipart'; body: Body }
  | { k: 'odd'; body: Body };

/** The body a browser (or a forger) would send, with the caller's CSRF token where a form has it. */
function bodyOf(shape: Shape, token: string | undefined): Body {
  const csrf: [string, string][] = token ? [['_csrf', token]] : [];
  if (shape.k === 'form') return formPayload([...csrf, ...shape.pairs, ...(shape.csrfTwice ? csrf : [])]);
  if (shape.k === 'multipart' && token && Buffer.isBuffer(shape.body.payload)) {
    // The token as the first part, as the upload form sends it.
    const boundary = /boundary=(.*)$/.exec(shape.body.contentType ?? '')?.[1] ?? '';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`;
    return { ...shape.body, payload: Buffer.concat([Buffer.from(head), shape.body.payload]) };
  }
  if (shape.k === 'odd' && token && shape.body.contentType === 'application/x-www-form-urlencoded')
    return { ...shape.body, payload: `_csrf=${encodeLoose(token)}&${String(shape.body.payload)}` };
  return shape.body;
}

function caseArbitrary(url: string, policy: (typeof forms)[number]['policy']) {
  const fields = fieldsFor(url, site);
  const names = [...fields.keys(), ...ALL_FIELDS];
  const shape: fc.Arbitrary<Shape> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(formBody(fields, names), fc.nat(9))
        .map(([pairs, dice]): Shape => ({ k: 'form', pairs, csrfTwice: dice === 0 })),
    },
    { weight: 1, arbitrary: multipartBody(names).map((body): Shape => ({ k: 'multipart', body })) },
    { weight: 1, arbitrary: oddBody(names).map((body): Shape => ({ k: 'odd', body })) },
    {
      weight: 1,
      arbitrary: jsonTree(names).map(
        (tree): Shape => ({
          k: 'odd',
          body: { contentType: 'application/json', payload: jsonText(tree), kind: 'json' },
        }),
      ),
    },
  );
  const seen = [...(site.paths.get(`GET ${url}`) ?? []), ...(site.paths.get(`POST ${url}`) ?? [])];
  const path = fc.oneof(
    fillPath(url, hostileSegment(tally.knownIds)),
    ...(seen.length > 0 ? [fc.constantFrom(...seen)] : []),
  );
  return fc.record({
    url: path,
    query: fc.oneof(
      { weight: 4, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: hostileString.map((s) => `?lang=${encodeLoose(s)}&next=${encodeLoose(s)}`) },
    ),
    shape,
    role: fc.constantFrom(...rolesFor(policy)),
    csrf: fc.nat(9).map((n) => (n === 0 ? 'none' : 'valid')),
  });
}

describe(`fuzz of every HTML form (FUZZ_SEED=${SEED})`, () => {
  after(finish);

  it('fuzzes every state-changing page route the app has', () => {
    assert.ok(forms.length >= 40, `only ${forms.length} form routes of ${routes.length} routes`);
    for (const r of forms)
      assert.ok(t.app.hasRoute({ method: r.method as 'POST', url: r.url }), `${r.method} ${r.url} is routed`);
    assert.ok(site.fields.size >= 20, `the crawl found only ${site.fields.size} forms`);
  });

  for (const form of forms) {
    const key = `${form.method} ${form.url}`;
    it(key, async () => {
      tally.operations++;
      await fc.assert(
        fc.asyncProperty(caseArbitrary(form.url, form.policy), (c) =>
          exercise(
            t,
            tally,
            actors,
            key,
            {
              role: c.role,
              anonymous,
              build: (caller): InjectOptions => {
                const body = bodyOf(c.shape, c.csrf === 'valid' ? caller.csrfToken : undefined);
                return {
                  method: form.method as 'POST',
                  url: `${c.url}${c.query}`,
                  payload: body.payload,
                  headers: {
                    ...(body.contentType ? { 'content-type': body.contentType } : {}),
                    ...(caller.cookie ? { cookie: caller.cookie } : {}),
                  },
                };
              },
            },
            checkPageAnswer,
          ),
        ),
        { seed: seedFor(SEED, key), numRuns: RUNS, endOnFailure: true },
      );
      assertNoFindings(tally, key, SEED);
    });
  }

  it('ran every form route and leaves the built-in prototypes unchanged', () => assertComplete(forms.length));
});
