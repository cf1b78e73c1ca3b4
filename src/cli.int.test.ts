import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const BIN = path.resolve(import.meta.dirname, '../bin/chancenregion.js');

/** Servers this file started; whatever a failed test leaves running is stopped at the end. */
const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `chancenregion serve` as a user would and resolves with its address once ready. */
function serve(env: Record<string, string>): {
  child: ChildProcess;
  ready: Promise<string>;
  output: () => string;
} {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      JOBS_ENABLED: 'false',
      LOG_LEVEL: 'info',
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /is ready at (http:\/\/\S+)/.exec(output);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, ready, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('chancenregion serve (embedded default)', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cr-cli-'));

  it('serves with no configuration, finishes a request in flight on SIGTERM and exits 0', async () => {
    const server = serve({ DATA_DIR: dataDir });
    const base = await server.ready;
    const health = await fetch(`${base}/health`);
    assert.deepEqual(await health.json(), { status: 'ok', db: 'pglite', version: '0.1.0' });
    // A request the server has accepted must still be answered in full after SIGTERM.
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.get(`${base}/de/regionen`, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => {
          body += c.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      // SIGTERM as soon as the server has logged the request: it is then in flight.
      const watch = setInterval(() => {
        if (server.output().includes('"path":"/de/regionen"},"msg":"incoming request"')) {
          clearInterval(watch);
          server.child.kill('SIGTERM');
        }
      }, 1);
    });
    const [res, code] = await Promise.all([inFlight, exited(server.child)]);
    assert.equal(res.status, 200);
    assert.match(res.body, /Regionen und Ausländerbehörden/);
    assert.equal(code, 0);
    assert.match(server.output(), /shutting down/);
    assert.doesNotMatch(server.output(), /127\.0\.0\.1"|remoteAddress/, 'no client addresses in the log');
  });

  it('finds the data of the first start on the second start', async () => {
    const server = serve({ DATA_DIR: dataDir });
    await server.ready;
    assert.doesNotMatch(server.output(), /added 6 states/);
    server.child.kill('SIGTERM');
    assert.equal(await exited(server.child), 0);
  });
});

describe('chancenregion with bad configuration', () => {
  it('refuses to start and lists every problem', () => {
    const result = spawnSync(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://nope' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 78);
    assert.match(result.stderr, /Invalid configuration:/);
    assert.match(result.stderr, /PORT must be a number/);
    assert.match(result.stderr, /LOG_LEVEL must be one of/);
    assert.match(result.stderr, /DATABASE_URL must be a postgres/);
  });

  it('prints its usage for help and rejects unknown commands', () => {
    const help = spawnSync(process.execPath, [BIN, 'help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: chancenregion/);
    const unknown = spawnSync(process.execPath, [BIN, 'frobnicate'], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'cr-cli-')) },
    });
    assert.equal(unknown.status, 64);
  });
});
