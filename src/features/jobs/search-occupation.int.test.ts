import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, gte } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { seedJobsDemo } from '../../seed/jobs-demo.ts';
import { employerProfile } from '../employers/index.ts';
import { district } from '../regions/index.ts';
import { occupation } from '../registry/index.ts';
import { jobAd } from './schema.ts';

/** What a results page says: how many it found, the occupations of the ads listed, the choices offered. */
function read(body: string) {
  const found =
    />\s*(No job found|One job found|[0-9]+ jobs found|Keine Stelle gefunden|Eine Stelle gefunden|[0-9]+ Stellen gefunden)/.exec(
      body,
    )?.[1] ?? '';
  const n = /^(One|Eine) /.test(found) ? 1 : Number.parseInt(/^[0-9]+/.exec(found)?.[0] ?? '0', 10);
  const occupations = [...body.matchAll(/<p class="kern-body">Occupation: ([^<]+)<\/p>/g)].map((m) => m[1]);
  const choices = [
    ...body.matchAll(/<li><a class="kern-link" href="([^"]+occupationKey[^"]+)">([^<]+)<\/a>/g),
  ].map((m) => ({
    href: (m[1] ?? '').replaceAll('&amp;', '&'),
    name: m[2] ?? '',
  }));
  const field = /name="occupation"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="occupation"/.exec(body);
  return { found, n, occupations, choices, field: field?.[1] ?? field?.[2] ?? '' };
}

/** Codes a person must never read: occupation keys and state or flag names between tags. */
const CODES = />\s*([0-9]{4,5}|english-enough|SN|TH)\s*</;

describe('the public job search by occupation (issue 16)', () => {
  let t: TestApp;
  let nurse = { kldb: '81302', de: '', en: '' };

  before(async () => {
    t = await buildTestApp();
    const now = new Date();
    await seedDemo(t.database.db, 'test', now);
    await seedJobsDemo(t.database.db, now);
    const [o] = await t.database.db.select().from(occupation).where(eq(occupation.kldb, '81302'));
    nurse = { kldb: '81302', de: o?.titleDe ?? '', en: o?.titleEn ?? '' };
  });
  after(() => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
    assert.doesNotMatch(res.body, CODES, url);
    return read(res.body);
  };

  /** The public ads of the occupation, counted in the database (optionally in one state). */
  async function expected(kldb: string, state?: string) {
    const db = t.database.db;
    const [r] = await db
      .select({ n: count() })
      .from(jobAd)
      .innerJoin(employerProfile, eq(employerProfile.organisationId, jobAd.employerId))
      .innerJoin(district, eq(district.ags, jobAd.districtAgs))
      .where(
        and(
          eq(jobAd.occupationKldb, kldb),
          eq(jobAd.status, 'published'),
          gte(jobAd.expiresOn, '2000-01-01'),
          eq(employerProfile.trust, 'confirmed'),
          state ? eq(district.stateCode, state) : undefined,
        ),
      );
    return r?.n ?? 0;
  }

  it('narrows the results to the occupation typed in German or English, showing its name only', async () => {
    const all = await get('/en/jobs');
    for (const url of [
      `/en/jobs?occupation=${encodeURIComponent(nurse.en)}`,
      `/de/stellen?occupation=${encodeURIComponent(nurse.de)}`,
      `/en/jobs?occupation=${encodeURIComponent(nurse.de)}`,
    ]) {
      const r = await get(url);
      assert.equal(r.n, await expected(nurse.kldb), url);
      assert.ok(r.n > 0 && r.n < all.n, url);
      assert.equal(r.choices.length, 0, url);
      if (url.startsWith('/en')) {
        assert.equal(r.field, nurse.en, 'the name in the page language, never the key');
        assert.deepEqual(new Set(r.occupations), new Set([nurse.en]));
      }
    }
  });

  it('combines the occupation with the state and a flag', async () => {
    const inSaxony = await get(`/en/jobs?occupation=${encodeURIComponent(nurse.en)}&state=SN`);
    assert.equal(inSaxony.n, await expected(nurse.kldb, 'SN'));
    assert.ok(inSaxony.n < (await expected(nurse.kldb)));
    const soft = await get('/en/jobs?occupation=Software%20developer');
    const english = await get('/en/jobs?occupation=Software%20developer&flag=english-enough');
    assert.ok(english.n > 0 && english.n <= soft.n);
    assert.deepEqual(new Set(english.occupations), new Set(['Software developer']));
    const cook = await get('/en/jobs?occupation=Cook&q=software');
    assert.equal(cook.found, 'No job found', 'the words and the occupation both apply');
  });

  it('finds the occupation despite a typo and keeps it by its key', async () => {
    const r = await get('/de/stellen?occupation=Softwareentwikler');
    assert.ok(r.n > 0);
    const page = await t.app.inject({ method: 'GET', url: '/en/jobs?occupation=Sofware%20develper' });
    assert.equal(read(page.body).field, 'Software developer');
    assert.match(page.body, /<input type="hidden" name="occupationKey" value="43414"/);
    const shared = await get('/en/jobs?occupationKey=43414');
    assert.equal(shared.n, r.n, 'a link with the key alone');
    assert.equal(shared.field, 'Software developer');
    const other = await t.app.inject({
      method: 'GET',
      url: `/de/stellen?occupation=${encodeURIComponent(nurse.en)}&occupationKey=${nurse.kldb}`,
    });
    assert.equal(
      read(other.body).field,
      nurse.de.replaceAll('&', '&amp;'),
      'the other language: the same occupation',
    );
  });

  it('offers the occupations as choices when the words match several, keeping the other filters', async () => {
    const r = await get('/en/jobs?occupation=Mechatroniker&state=SN&flag=english-enough');
    const names = r.choices.map((c) => c.name);
    assert.ok(
      names.includes('Mechatronics technician') && names.includes('Motor vehicle mechatronics technician'),
    );
    const choice = r.choices.find((c) => c.name === 'Mechatronics technician');
    assert.match(choice?.href ?? '', /state=SN/);
    assert.match(choice?.href ?? '', /flag=english-enough/);
    const chosen = await get(choice?.href ?? '');
    assert.equal(chosen.choices.length, 0);
    assert.equal(chosen.field, 'Mechatronics technician');
    assert.ok(chosen.occupations.every((o) => o === 'Mechatronics technician'));
    assert.ok(chosen.n <= r.n);
  });

  it('says plainly that it knows no such occupation, and ignores a malformed key', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/jobs?occupation=xyzzyq' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /We know no occupation called “xyzzyq”/);
    assert.equal(read(res.body).found, 'No job found');
    const de = await t.app.inject({ method: 'GET', url: '/de/stellen?occupation=xyzzyq' });
    assert.match(de.body, /Zu „xyzzyq“ kennen wir keinen Beruf/);
    const all = await get('/en/jobs');
    assert.equal((await get('/en/jobs?occupationKey=abc')).n, all.n);
    assert.equal((await get('/en/jobs?occupationKey=99999')).n, all.n, 'an unknown key alone: no filter');
  });

  it('keeps one page per occupation in the shared page cache for visitors without a session', async () => {
    const urls = [
      '/en/jobs?occupation=Cook',
      '/en/jobs?occupation=Software%20developer',
      '/en/jobs?occupation=Cook',
    ];
    const [a, b, c] = await Promise.all(urls.map(get));
    assert.deepEqual(new Set(a?.occupations), new Set(['Cook']));
    assert.deepEqual(new Set(b?.occupations), new Set(['Software developer']));
    assert.deepEqual(c, a);
  });
});
