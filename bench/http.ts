import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

export interface Measured {
  rps: number;
  p99: number;
  /** autocannon reports 97.5 % as its nearest percentile to p95. */
  p97_5: number;
  p50: number;
  errors: number;
  non2xx: number;
}

/** Starts `bench/serve.ts <mode>` in its own process so that load and server do not share a thread. */
export async function startServer(mode: 'bare' | 'pglite' | 'postgres', env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', mode], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /LISTENING (\S+)/.exec(buffer);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A bounded load: `connections` concurrent clients for `seconds`, after a short warm-up.
 * With `paths`, the clients cycle through them (e.g. many different search queries).
 */
export async function load(
  url: string,
  connections: number,
  seconds: number,
  paths?: string[],
): Promise<Measured> {
  const requests = paths?.map((path) => ({ method: 'GET' as const, path }));
  const options = { url, connections, ...(requests ? { requests } : {}) };
  await autocannon({ ...options, duration: 1 });
  const r = await autocannon({ ...options, duration: seconds });
  return {
    rps: Math.round(r.requests.average),
    p99: r.latency.p99,
    p97_5: r.latency.p97_5,
    p50: r.latency.p50,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** A fresh database on the benchmark's PostgreSQL server, dropped by the returned function. */
export async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cr_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
