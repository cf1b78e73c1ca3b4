// Journey benchmarks for `npm run bench journeys` (issue 7): with BENCH_JOURNEYS synthetic journeys (default
// 100 000; the issue asks for 1 000 000: about 8 minutes to load with COPY on a 2-CPU machine) on PostgreSQL:
// the applicant's journey page and the authority's work queue at 50 connections over HTTP, and command
// throughput of the service (50 concurrent applicants opening journeys and submitting steps; each command is
// decided and audited on its own, and those that arrive together are written together, ADR 0010).
// Server and service use the pool a deployment has: DATABASE_POOL_SIZE connections to PostgreSQL (default 10);
// the 50 concurrent requests or commands queue for them, as in production.
//
// Each HTTP figure is measured twice: saturated (50 connections sending back to back: throughput, and latency
// that is mostly queueing at the limit) and paced (an open load of BENCH_RATE requests per second, default 200,
// arriving at random times over 50 kept-alive connections: latency at a given load). p95 is computed from every
// response's time; CPU milliseconds per request of the server process and of the whole machine (server,
// PostgreSQL and load generator) come from /proc.
//
// BENCH_JOURNEYS_DATABASE=<postgres url> keeps the loaded database for later runs: it is seeded only when it holds
// fewer than BENCH_JOURNEYS journeys, and it is not dropped. BENCH_JOURNEYS_ONLY=<text> runs only the figures whose
// name contains the text (e.g. `waiting` for the public waiting-time pages).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import autocannon from 'autocannon';
import { and, eq, like } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../src/domain/access/policy.ts';
import { momentOf } from '../src/domain/journey/index.ts';
import { computeWaitingTimes } from '../src/features/appointments/waiting.ts';
import { createSession } from '../src/features/identity/sessions/service.ts';
import { journey } from '../src/features/journey/schema.ts';
import { createJourneyService } from '../src/features/journey/service.ts';
import { person, roleAssignment } from '../src/features/people/schema.ts';
import { refreshRollup } from '../src/features/statistics/rollup.ts';
import { DEFAULT_DATABASE_POOL_SIZE } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { DEMO_DOMAIN } from '../src/seed/identity-demo.ts';
import { OPEN_BODY } from '../test/support/journey.ts';
import { freshPostgres, startServer } from './http.ts';

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

/** Runs `chancenregion <args>` against the database (for `seed`), output silenced. */
export function cli(args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/chancenregion.js', ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed exited with ${code}`))));
  });
}

export async function journeyBenchmarks(pgUrl: string, connections: number, seconds: number) {
  const n = Number(process.env.BENCH_JOURNEYS ?? 100_000);
  const rate = Number(process.env.BENCH_RATE ?? 200);
  const kept = process.env.BENCH_JOURNEYS_DATABASE;
  const db = kept ? { url: kept, drop: async () => {} } : await freshPostgres(pgUrl);
  const pool = Number(process.env.DATABASE_POOL_SIZE || DEFAULT_DATABASE_POOL_SIZE);
  const handle = await openDatabase({ databaseUrl: db.url, poolSize: pool });
  const only = process.env.BENCH_JOURNEYS_ONLY ?? '';
  const wanted = (name: string) => name.includes(only);
  try {
    const present = kept ? await countJourneys(db.url) : 0;
    if (present < n) {
      const loadStarted = performance.now();
      await cli(['seed', '--demo', '--scale', String(n - present)], db.url);
      report('journeys.seed-scale.postgres', {
        journeys: n - present,
        seconds: Number(((performance.now() - loadStarted) / 1000).toFixed(1)),
      });
    }
    const total = await countJourneys(db.url);
    const server = await startServer('postgres', { BENCH_DATABASE_URL: db.url });
    try {
      const sessionOf = async (email: string, roleClass: 'personal' | 'authority') => {
        const [p] = await handle.db.select({ id: person.id }).from(person).where(eq(person.email, email));
        if (!p) throw new Error(`no demo account ${email}`);
        const { token } = await createSession(handle.db, {
          personId: p.id,
          roleClass,
          pending: false,
          csrfSecret: null,
          userAgent: 'bench',
          now: new Date(),
        });
        return { personId: p.id, cookie: `session=${token}` };
      };
      const applicant = await sessionOf(`antragstellerin@${DEMO_DOMAIN}`, 'personal');
      const officer = await sessionOf(`anerkennung@${DEMO_DOMAIN}`, 'authority');
      const [own] = await handle.db
        .select({ id: journey.id })
        .from(journey)
        .where(eq(journey.applicantId, applicant.personId))
        .limit(1);
      if (!own) throw new Error('the demo applicant has no journey');
      const probe = { serverPid: server.pid };
      for (const [name, url, cookie, target] of [
        ['journeys.page.postgres', `/de/wege/${own.id}`, applicant.cookie, 50],
        ['journeys.api.postgres', `/api/v1/journeys/${own.id}`, applicant.cookie, 50],
        ['journeys.work-queue.postgres', '/de/behoerde/arbeitsliste', officer.cookie, 100],
        ['journeys.work-queue-api.postgres', '/api/v1/work-queue', officer.cookie, 100],
        // Issue 15: the public waiting times of every office, from the journey events (kept ten minutes).
        ['appointments.waiting-times.postgres', '/de/wartezeiten', '', 50],
        // The overload map: the same cached figures plus the districts and jurisdictions (two small reads).
        ['appointments.waiting-map.postgres', '/de/wartezeiten/karte', '', 50],
        // Issue 19: the public statistics dashboard of the six states, from the stored rollup.
        ['statistics.dashboard.postgres', '/de/statistik', '', 100],
        ['statistics.dashboard-state.postgres', '/de/statistik/sn', '', 100],
      ] as const) {
        if (!wanted(name)) continue;
        const requests = [
          {
            method: 'GET' as const,
            path: url,
            headers: (cookie ? { cookie } : {}) as Record<string, string>,
          },
        ];
        if (!cookie) {
          // The scheduled job's work: the waiting times of every office, or the statistics rollup, over all
          // journeys (the pages read them stored).
          const started = performance.now();
          if (name.startsWith('statistics.')) await refreshRollup(handle.db, new Date());
          else await computeWaitingTimes(handle.db, momentOf(new Date().toISOString()).date);
          report(`${name}.compute`, { journeys: total, ms: Math.round(performance.now() - started) });
          // The first request of a new server: the stored figures, or computed when none are stored yet.
          const first = performance.now();
          const res = await fetch(server.url + url);
          await res.text();
          report(`${name}.first-request`, {
            journeys: total,
            ms: Math.round(performance.now() - first),
            status: res.status,
          });
        }
        for (const paced of [undefined, rate]) {
          const m = await measure(server.url, requests, connections, seconds, probe, paced);
          report(paced ? `${name}.paced` : name, {
            journeys: total,
            connections,
            pool,
            seconds,
            ...m,
            targetP95Ms: target,
          });
        }
      }
      // The same pages for 50 applicants at once, each reading their own journey: audit entries
      // about different people go to different chains (ADR 0007), as in real use.
      const many = await handle.db
        .select({ personId: journey.applicantId, id: journey.id })
        .from(journey)
        .innerJoin(person, eq(person.id, journey.applicantId))
        .where(like(person.email, '%@scale.example.org'))
        .limit(connections);
      const sessions = await Promise.all(
        many.map(async (j) => {
          const { token } = await createSession(handle.db, {
            personId: j.personId,
            roleClass: 'personal',
            pending: false,
            csrfSecret: null,
            userAgent: 'bench',
            now: new Date(),
          });
          return { id: j.id, cookie: `session=${token}` };
        }),
      );
      for (const [name, path, target] of [
        ['journeys.page.many-applicants.postgres', (id: string) => `/de/wege/${id}`, 50],
        ['journeys.api.many-applicants.postgres', (id: string) => `/api/v1/journeys/${id}`, 50],
      ] as const) {
        if (!wanted(name)) continue;
        const requests = sessions.map((x) => ({
          method: 'GET' as const,
          path: path(x.id),
          headers: { cookie: x.cookie },
        }));
        for (const paced of [undefined, rate]) {
          const m = await measure(server.url, requests, connections, seconds, probe, paced);
          report(paced ? `${name}.paced` : name, {
            journeys: total,
            applicants: sessions.length,
            connections,
            pool,
            seconds,
            ...m,
            targetP95Ms: target,
          });
        }
      }
    } finally {
      await server.stop();
    }

    // Command throughput: 50 concurrent applicants, each opening a journey and submitting steps.
    if (!wanted('journeys.commands.postgres')) return;
    const service = createJourneyService(handle.db);
    const people = await handle.db
      .select({ id: roleAssignment.personId })
      .from(roleAssignment)
      .innerJoin(person, eq(person.id, roleAssignment.personId))
      .where(and(eq(roleAssignment.role, 'applicant'), like(person.email, '%@scale.example.org')))
      .limit(connections);
    const actors: Actor[] = people.map((p) => ({
      personId: p.id,
      memberships: [{ role: 'applicant', organisationId: null, jurisdictions: [] }],
    }));
    let commands = 0;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    const machine0 = cpuSeconds('machine');
    await Promise.all(
      actors.map(async (actor) => {
        while (performance.now() < until) {
          const opened = await service.open(actor, OPEN_BODY, randomUUID());
          commands++;
          for (const step of ['orientation', 'recognition', 'job-offer'] as const) {
            if (performance.now() >= until) break;
            await service.command(actor, opened.body.journeyId, { type: 'submit', step });
            commands++;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const machine1 = cpuSeconds('machine');
    report('journeys.commands.postgres', {
      journeys: total,
      concurrency: actors.length,
      pool,
      seconds: Number(elapsed.toFixed(1)),
      commands,
      commandsPerSecond: Math.round(commands / elapsed),
      machineCpuMsPerCommand:
        machine0 === null || machine1 === null
          ? null
          : Number((((machine1 - machine0) * 1000) / commands).toFixed(2)),
      target: 1000,
    });
  } finally {
    await handle.close();
    await db.drop();
  }
}

async function countJourneys(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>(
      "select count(*) as n from journey where applicant_id in (select id from person where email like '%@scale.example.org')",
    );
    return Number(r.rows[0]?.n ?? 0);
  } catch (error) {
    // A new, empty database (no tables yet): the seed migrates it first.
    if ((error as { code?: string }).code === '42P01') return 0;
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * CPU seconds (user + system) of one process, or of the whole machine (all CPUs, from /proc/stat: server,
 * PostgreSQL and the load generator together); null where /proc is missing.
 */
function cpuSeconds(pid: number | 'machine'): number | null {
  try {
    if (pid === 'machine') {
      const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1);
      // user nice system irq softirq steal: everything but idle and iowait
      const busy = [0, 1, 2, 5, 6, 7].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0);
      return busy / 100;
    }
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * One load: `connections` clients for `seconds` after a one-second warm-up; each client keeps to one of the
 * `requests` (client i takes request i mod n), sending back to back. With `rate`, an open load instead: requests
 * arrive at random (Poisson) times, `rate` per second on average, over a pool of `connections` kept-alive
 * connections, and each latency counts from the planned arrival (a request waiting for a free connection waits
 * on the clock). autocannon's own rate limit releases each second's requests at once, which measures its bursts.
 */
async function measure(
  url: string,
  requests: Array<{ method: 'GET'; path: string; headers: Record<string, string> }>,
  connections: number,
  seconds: number,
  probe: { serverPid: number | undefined },
  rate?: number,
) {
  const times: number[] = [];
  let total = 0;
  let errors = 0;
  let non2xx = 0;
  let rps = 0;
  let node0: number | null = null;
  let machine0: number | null = null;
  const startProbe = () => {
    node0 = probe.serverPid ? cpuSeconds(probe.serverPid) : null;
    machine0 = cpuSeconds('machine');
  };
  if (rate) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const one = (i: number, record: boolean) =>
      new Promise<void>((resolve) => {
        const planned = performance.now();
        const r = requests[i % requests.length] as (typeof requests)[number];
        const req = http.get(`${url}${r.path}`, { agent, headers: r.headers }, (res) => {
          res.resume();
          res.on('end', () => {
            if (record) {
              times.push(performance.now() - planned);
              total++;
              if ((res.statusCode ?? 0) >= 300) non2xx++;
            }
            resolve();
          });
        });
        req.on('error', () => {
          if (record) errors++;
          resolve();
        });
      });
    const drive = async (duration: number, record: boolean) => {
      const pending: Promise<void>[] = [];
      const end = performance.now() + duration * 1000;
      let i = 0;
      let at = performance.now();
      while (at < end) {
        at += -Math.log(1 - Math.random()) * (1000 / rate);
        const wait = at - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        pending.push(one(i++, record));
      }
      await Promise.all(pending);
    };
    await drive(1, false);
    startProbe();
    const started = performance.now();
    await drive(seconds, true);
    rps = Math.round(total / ((performance.now() - started) / 1000));
    agent.destroy();
  } else {
    let next = 0;
    const options = {
      url,
      connections,
      requests: [
        {
          setupRequest: (req: autocannon.Request, context: object) => {
            const c = context as { k?: number };
            if (c.k === undefined) c.k = next++ % requests.length;
            return { ...req, ...requests[c.k] };
          },
        },
      ],
    };
    await autocannon({ ...options, duration: 1 });
    startProbe();
    const r = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({ ...options, duration: seconds }, (error, result) =>
        error ? reject(error) : resolve(result),
      );
      run.on('response', (_client, _status, _bytes, time) => times.push(time));
    });
    total = r.requests.total;
    errors = r.errors + r.timeouts;
    non2xx = r.non2xx;
    rps = Math.round(r.requests.average);
  }
  const node1 = probe.serverPid ? cpuSeconds(probe.serverPid) : null;
  const machine1 = cpuSeconds('machine');
  times.sort((x, y) => x - y);
  const at = (q: number) =>
    Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1));
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null || total === 0 ? null : Number((((b - a) * 1000) / total).toFixed(2));
  return {
    ...(rate ? { offeredRate: rate } : {}),
    rps,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    serverCpuMsPerRequest: perRequest(node0, node1),
    machineCpuMsPerRequest: perRequest(machine0, machine1),
    errors,
    non2xx,
  };
}
