// Journey benchmarks for `npm run bench journeys` (issue 7): with BENCH_JOURNEYS synthetic journeys (default
// 100 000; the issue asks for 1 000 000, which takes about 15 minutes to load on a 2-CPU machine) on PostgreSQL:
// the applicant's journey page and the authority's work queue at 50 connections over HTTP, and command
// throughput of the service (50 concurrent commands, each its own transaction with events, projection and audit).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import type { Actor } from '../src/domain/access/policy.ts';
import { DEMO_DOMAIN } from '../src/features/identity/demo.ts';
import { person, roleAssignment } from '../src/features/identity/schema.ts';
import { createSession } from '../src/features/identity/sessions.ts';
import { journey } from '../src/features/journey/schema.ts';
import { createJourneyService } from '../src/features/journey/service.ts';
import { OPEN_BODY } from '../src/features/journey/testing.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { freshPostgres, startServer } from './http.ts';

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

function cli(args: string[], databaseUrl: string): Promise<void> {
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
  const db = await freshPostgres(pgUrl);
  const handle = await openDatabase({ databaseUrl: db.url, poolSize: 60 });
  try {
    const loadStarted = performance.now();
    await cli(['seed', '--demo', '--scale', String(n)], db.url);
    report('journeys.seed-scale.postgres', {
      journeys: n,
      seconds: Number(((performance.now() - loadStarted) / 1000).toFixed(1)),
    });
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
      for (const [name, url, cookie, target] of [
        ['journeys.page.postgres', `/de/wege/${own.id}`, applicant.cookie, 50],
        ['journeys.api.postgres', `/api/v1/journeys/${own.id}`, applicant.cookie, 50],
        ['journeys.work-queue.postgres', '/de/behoerde/arbeitsliste', officer.cookie, 100],
        ['journeys.work-queue-api.postgres', '/api/v1/work-queue', officer.cookie, 100],
      ] as const) {
        const m = await loadWithCookie(server.url + url, cookie, connections, seconds);
        report(name, { journeys: n, connections, seconds, ...m, targetP95Ms: target });
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
        const requests = sessions.map((x) => ({
          method: 'GET' as const,
          path: path(x.id),
          headers: { cookie: x.cookie },
        }));
        const m = await loadMany(server.url, requests, connections, seconds);
        report(name, {
          journeys: n,
          applicants: sessions.length,
          connections,
          seconds,
          ...m,
          targetP95Ms: target,
        });
      }
    } finally {
      await server.stop();
    }

    // Command throughput: 50 concurrent applicants, each opening a journey and submitting steps.
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
    report('journeys.commands.postgres', {
      journeys: n,
      concurrency: actors.length,
      seconds: Number(elapsed.toFixed(1)),
      commands,
      commandsPerSecond: Math.round(commands / elapsed),
      target: 1000,
    });
  } finally {
    await handle.close();
    await db.drop();
  }
}

async function loadWithCookie(url: string, cookie: string, connections: number, seconds: number) {
  const autocannon = (await import('autocannon')).default;
  const options = { url, connections, headers: { cookie } };
  await autocannon({ ...options, duration: 1 });
  const r = await autocannon({ ...options, duration: seconds });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function loadMany(
  url: string,
  requests: Array<{ method: 'GET'; path: string; headers: Record<string, string> }>,
  connections: number,
  seconds: number,
) {
  const autocannon = (await import('autocannon')).default;
  const options = { url, connections, requests };
  await autocannon({ ...options, duration: 1 });
  const r = await autocannon({ ...options, duration: seconds });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}
