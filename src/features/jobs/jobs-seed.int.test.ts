import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedDemo } from '../../seed/identity-demo.ts';
import { DEMO_AD_COUNT, seedJobsDemo } from '../../seed/jobs-demo.ts';
import { district } from '../regions/index.ts';
import { jobAd } from './schema.ts';

describe('seed --demo: about 200 job ads across the six states (issue 16)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('publishes the ads of confirmed employers in every state, deterministically and once', async () => {
    const db = t.database.db;
    const now = new Date();
    assert.equal(await seedJobsDemo(db, now), 0, 'nothing without the identity demo');
    await seedDemo(db, 'test', now);
    assert.equal(await seedJobsDemo(db, now), DEMO_AD_COUNT);
    assert.equal(await seedJobsDemo(db, now), 0, 'idempotent');
    const states = await db
      .select({ state: district.stateCode, n: count() })
      .from(jobAd)
      .innerJoin(district, eq(district.ags, jobAd.districtAgs))
      .where(eq(jobAd.status, 'published'))
      .groupBy(district.stateCode);
    assert.equal(states.length, 6, JSON.stringify(states));
    for (const s of states) assert.ok(s.n >= 15, JSON.stringify(s));
    const all = await db.select().from(jobAd);
    assert.ok(all.some((a) => a.pathwayIds.includes('aufenthg-18g')));
    assert.ok(all.some((a) => a.pathwayIds.includes('aufenthg-18a')));
    assert.ok(all.some((a) => a.englishEnough));
    assert.ok(all.some((a) => a.recognitionNeeded));
    const search = await t.app.inject({ method: 'GET', url: '/en/jobs?flag=english-enough' });
    assert.equal(search.statusCode, 200);
    assert.match(search.body, /[0-9]+ jobs found/);
  });

  it('finds ads by words in German and English, with typos and parts of words, closest first', async () => {
    const first = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      const found = />\s*(No job found|One job found|[0-9]+ jobs found|More than)/.exec(res.body)?.[1] ?? '';
      const title =
        /<h3 class="kern-heading-small" id="ad-[^"]+"><a [^>]+>([^<]+)</.exec(res.body)?.[1] ?? '';
      return { found, title };
    };
    const cases: [string, RegExp][] = [
      ['/en/jobs?q=nurses', /nurse|Pflegefachkraft/i],
      ['/de/stellen?q=Pflegefachkräfte', /Pflegefachkraft|nurse/i],
      ['/en/jobs?q=sofware%20developr', /Software/i],
      ['/de/stellen?q=Softwareentwikler', /Software/i],
      ['/de/stellen?q=mechatroniker', /Mechatroni/i],
      ['/en/jobs?q=electrician', /electrician|Elektroniker/i],
    ];
    for (const [url, title] of cases) {
      const r = await first(url);
      assert.notEqual(r.found, 'No job found', url);
      assert.match(r.title, title, `${url}: ${r.title}`);
    }
    assert.equal((await first('/en/jobs?q=astronaut')).found, 'No job found');
    assert.equal(
      (await first('/en/jobs?q=nurse&state=XX')).found === 'No job found',
      false,
      'unknown state ignored',
    );
  });
});
