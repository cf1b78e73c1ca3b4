// `npm run bench`: figures for the README and the closing notes, never part of the tests.
// Every benchmark ends with one line `BENCH {json}`. Ratios are computed within one run,
// because these machines are shared and absolute numbers drift by ±15 %.
import { evaluatePathways, generateProfiles } from '../src/domain/law/index.ts';
import { capacityAllocationBenchmark } from './capacity-allocation.ts';
import { capacityBacktestDatabaseBenchmark } from './capacity-backtest-db.ts';
import { capacityForecastBenchmark } from './capacity-forecast.ts';
import { capacityStaffingBenchmark } from './capacity-staffing.ts';
import { freshPostgres, load, type Measured, startServer } from './http.ts';
import { policyBenchmark, signInBenchmark } from './identity.ts';
import { jobBenchmarks } from './jobs.ts';
import { journeyBenchmarks } from './journeys.ts';
import { FURTHER_PAGES, pageWeight } from './page-weight.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const PG =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

function bench(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

async function httpBenchmarks() {
  const bare = await startServer('bare');
  const ceiling = await load(`${bare.url}/bare`, CONNECTIONS, SECONDS);
  await bare.stop();
  bench('http.bare-route', { connections: CONNECTIONS, seconds: SECONDS, ...ceiling });

  const targets: Array<['pglite' | 'postgres', Record<string, string>, (() => Promise<void>) | undefined]> = [
    ['pglite', {}, undefined],
  ];
  try {
    const db = await freshPostgres(PG);
    targets.push(['postgres', { BENCH_DATABASE_URL: db.url }, db.drop]);
  } catch (error) {
    process.stderr.write(`PostgreSQL benchmark skipped: ${(error as Error).message}\n`);
  }
  for (const [kind, env, cleanup] of targets) {
    const server = await startServer(kind, env);
    const routes: Record<string, Measured> = {};
    for (const route of ['/health', '/de/regionen', '/api/v1/districts', '/api/v1/districts?state=SN']) {
      routes[route] = await load(server.url + route, CONNECTIONS, SECONDS);
      const m = routes[route];
      bench(`http.${kind}${route}`, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        ...m,
        ratioToBare: Number((m.rps / ceiling.rps).toFixed(3)),
      });
    }
    await server.stop();
    await cleanup?.();
  }
}

function pathwayBenchmark() {
  const profiles = generateProfiles(100_000, 42);
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (const p of profiles) evaluatePathways(p);
    runs.push(100_000 / ((performance.now() - started) / 1000));
  }
  runs.sort((a, b) => a - b);
  bench('pathways.evaluate', {
    profiles: 100_000,
    runs: runs.length,
    medianProfilesPerSecond: Math.round(runs[2] ?? 0),
    minProfilesPerSecond: Math.round(runs[0] ?? 0),
    target: 50_000,
  });
}

/** Recognition finder and occupation search (issue 6), on PostgreSQL. */
async function registryBenchmarks() {
  const db = await freshPostgres(PG);
  const server = await startServer('postgres', { BENCH_DATABASE_URL: db.url });
  try {
    const finderPaths = ['81302', '81404', '84124', '83124', '31104', '26212', '43414'].flatMap((kldb) =>
      ['BE', 'BB', 'MV', 'SN', 'ST', 'TH'].map(
        (state) => `/api/v1/recognition/finder?kldb=${kldb}&state=${state}`,
      ),
    );
    const finder = await load(server.url, CONNECTIONS, SECONDS, finderPaths);
    bench('registry.finder.postgres', {
      connections: CONNECTIONS,
      seconds: SECONDS,
      distinctQueries: finderPaths.length,
      ...finder,
      targetP99Ms: 20,
    });
    const typos = [
      'Krankenschwester',
      'nurse',
      'Softwareentwickler',
      'sofware developer',
      'Elektrker',
      'Bauingeneur',
      'Altenpflger',
      'kranknpfleger',
      'ingenieur',
      'Erziher',
      'mechatronker',
      'cook',
      'Berufskraftfahrer',
      'plumbr',
    ];
    const searchPaths = typos.map((q) => `/api/v1/occupations?q=${encodeURIComponent(q)}`);
    const search = await load(server.url, CONNECTIONS, SECONDS, searchPaths);
    bench('registry.occupation-search.postgres', {
      connections: CONNECTIONS,
      seconds: SECONDS,
      distinctQueries: searchPaths.length,
      ...search,
    });
  } finally {
    await server.stop();
    await db.drop();
  }
}

/** Bytes over the wire for a first visit (cold cache) and further pages (warm cache), issue 14. */
async function pageWeightBenchmark() {
  const server = await startServer('pglite');
  try {
    const { first, further } = await pageWeight(server.url);
    bench('page-weight.first-visit', {
      page: '/de',
      bytes: first.bytes,
      requests: first.requests,
      targetBytes: 150_000,
      transfers: first.transfers,
    });
    for (const path of FURTHER_PAGES) {
      const page = further[path];
      if (!page) continue;
      bench('page-weight.further-page', {
        page: path,
        bytes: page.bytes,
        requests: page.requests,
        fromCache: page.fromCache,
        targetBytes: 10_000,
        transfers: page.transfers,
      });
    }
  } finally {
    await server.stop();
  }
}

if (want('page-weight')) await pageWeightBenchmark();
if (want('pathways')) pathwayBenchmark();
if (want('http')) await httpBenchmarks();
if (want('registry')) await registryBenchmarks();
if (want('identity')) {
  policyBenchmark();
  await signInBenchmark();
}
if (want('journeys')) await journeyBenchmarks(PG, CONNECTIONS, SECONDS);
// Job ads (issue 16): pathways for 200 000 ads, and the job search over them.
if (want('jobs')) await jobBenchmarks(PG, CONNECTIONS, SECONDS);
// Appointments, waiting times and staffing (issue 15): allocation, forecast with back-test, staffing optimiser,
// and the back-test on a seeded database.
if (want('capacity')) {
  await capacityAllocationBenchmark();
  await capacityForecastBenchmark();
  await capacityStaffingBenchmark();
  await capacityBacktestDatabaseBenchmark(PG);
}
