// Job ads (issue 16) at the scale of a national job board: the flags and residence pathways computed for
// 200 000 ads (target < 10 s), and the public job search over them on PostgreSQL (target p95 < 30 ms at 50
// connections). The ads are the demo's employers and occupations, varied by a seeded generator.
import { count, eq, sql } from 'drizzle-orm';
import { addDays } from '../src/domain/calendar.ts';
import type { JobAdInput } from '../src/domain/jobs/ad.ts';
import { employerProfile } from '../src/features/employers/index.ts';
import { computed, jobAd, occupationFacts } from '../src/features/jobs/index.ts';
import { district } from '../src/features/regions/index.ts';
import { type DatabaseHandle, openDatabase } from '../src/platform/db/client.ts';
import { adFrom, generator } from '../src/seed/jobs-demo.ts';
import { DEMO_JOBS } from '../src/seed/jobs-demo-data.ts';
import { freshPostgres, load, startServer } from './http.ts';
import { cli } from './journeys.ts';

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

/** What people search for: words (with typos, both languages), states, flags, pathways, a later page. */
export const SEARCHES = [
  '/en/jobs',
  '/de/stellen',
  '/en/jobs?q=nurse',
  '/de/stellen?q=Pflegefachkraft&state=SN',
  '/en/jobs?q=sofware%20developr',
  '/de/stellen?q=Softwareentwikler',
  '/en/jobs?q=electrician&flag=collective-agreement',
  '/de/stellen?q=Koch&state=MV',
  '/en/jobs?flag=english-enough',
  '/en/jobs?flag=english-enough&flag=accelerated-ready&state=BE',
  '/en/jobs?pathway=aufenthg-18g&state=TH',
  '/de/stellen?pathway=aufenthg-18a',
  '/en/jobs?q=truck%20driver&page=3',
  '/de/stellen?q=Mechatroniker&flag=recognition-needed',
  '/en/jobs?q=physiotherapist&state=ST',
  '/en/jobs?q=astronaut',
];

export async function jobBenchmarks(pgUrl: string, connections: number, seconds: number) {
  const n = Number(process.env.BENCH_ADS ?? 200_000);
  const kept = process.env.BENCH_JOBS_DATABASE;
  const db = kept ? { url: kept, drop: async () => {} } : await freshPostgres(pgUrl);
  const handle = await openDatabase({ databaseUrl: db.url, poolSize: 4 });
  try {
    await cli(['seed', '--demo'], db.url);
    const [present] = await handle.db.select({ n: count() }).from(jobAd);
    if ((present?.n ?? 0) < n) await seedAds(handle, n);
    await search(db.url, connections, seconds, n);
  } finally {
    await handle.close();
    await db.drop();
  }
}

/** n ads of the demo's confirmed employers, with flags and pathways computed as on every save (timed). */
async function seedAds(handle: DatabaseHandle, n: number) {
  const employers = await handle.db
    .select({
      id: employerProfile.organisationId,
      ags: employerProfile.districtAgs,
      state: district.stateCode,
    })
    .from(employerProfile)
    .innerJoin(district, eq(district.ags, employerProfile.districtAgs))
    .where(eq(employerProfile.trust, 'confirmed'));
  const districts = await handle.db.select({ ags: district.ags, state: district.stateCode }).from(district);
  const facts = await Promise.all(DEMO_JOBS.map((j) => occupationFacts(handle.db, j.kldb)));
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const r = generator(200_000);
  const inputs: { input: JobAdInput; employerId: string; job: number }[] = [];
  for (let i = 0; i < n; i++) {
    const e = employers[i % employers.length] as (typeof employers)[number];
    const job = Math.floor(r.next() * DEMO_JOBS.length);
    const near = districts.filter((d) => d.state === e.state);
    const ags = r.next() < 0.5 ? e.ags : r.pick(near).ags;
    inputs.push({
      input: adFrom(DEMO_JOBS[job] as (typeof DEMO_JOBS)[number], ags, today, r),
      employerId: e.id,
      job,
    });
  }

  const started = performance.now();
  const rows = inputs.map(({ input, job }) =>
    computed(input, facts[job] as NonNullable<(typeof facts)[number]>, true),
  );
  const flagSeconds = (performance.now() - started) / 1000;
  report('jobs.flags', {
    ads: n,
    seconds: Number(flagSeconds.toFixed(2)),
    adsPerSecond: Math.round(n / flagSeconds),
    targetSeconds: 10,
  });

  const insertStarted = performance.now();
  const now = Date.now();
  for (let i = 0; i < n; i += 1000) {
    await handle.db.insert(jobAd).values(
      inputs.slice(i, i + 1000).map(({ input, employerId }, k) => {
        const at = new Date(now - ((i + k) % 90) * 86_400_000 - (i + k) * 1000);
        return {
          ...input,
          ...(rows[i + k] as (typeof rows)[number]),
          expiresOn: addDays(today, 30 + ((i + k) % 120)),
          ...{ employerId, status: 'published' as const, createdAt: at, updatedAt: at, publishedAt: at },
        };
      }),
    );
  }
  await handle.db.execute(sql`analyze`); // the planner's statistics, as autovacuum keeps them on a live database
  report('jobs.insert.postgres', {
    ads: n,
    seconds: Number(((performance.now() - insertStarted) / 1000).toFixed(1)),
  });
}

async function search(url: string, connections: number, seconds: number, n: number) {
  const server = await startServer('postgres', { BENCH_DATABASE_URL: url });
  try {
    for (const path of SEARCHES) {
      const res = await fetch(server.url + path);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    const m = await load(server.url, connections, seconds, SEARCHES);
    report('jobs.search.postgres', {
      ads: n,
      connections,
      seconds,
      distinctQueries: SEARCHES.length,
      ...m,
      targetP95Ms: 30,
    });
  } finally {
    await server.stop();
  }
}
