import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
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

/** Runs a command of the CLI on the embedded database in `dataDir`, as a user would. */
function run(dataDir: string, args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', JOBS_ENABLED: 'false' },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 180_000,
  });
}

const PASSWORD = 'correct horse battery staple 42\n';

describe('one process at a time on the embedded database', { timeout: 600_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cr-lock-'));
  const lockFile = path.join(dataDir, 'pglite.lock');

  it('refuses users create, seed, migrate, audit verify and a second serve while a server holds the directory, writing nothing', async () => {
    const server = serve({ DATA_DIR: dataDir });
    await server.ready;
    const pid = server.child.pid;
    const commands = [
      ['users', 'create', '--email', 'late@example.org', '--role', 'applicant'],
      ['seed'],
      ['migrate'],
      ['audit', 'verify'],
      ['references', 'check'],
      ['serve'],
    ];
    for (const args of commands) {
      const result = run(dataDir, args, PASSWORD);
      const what = args.join(' ');
      assert.equal(result.status, 75, `${what} exits 75 (EX_TEMPFAIL): ${result.stdout}${result.stderr}`);
      assert.doesNotMatch(result.stdout, /Created/, `${what} claims nothing`);
      assert.match(result.stderr, new RegExp(`in use by process ${pid} \\(chancenregion serve\\)`), what);
      assert.match(result.stderr, /since \d{4}-\d\d-\d\dT/, `${what} says since when`);
      assert.match(result.stderr, /stop that process first/, what);
      assert.match(result.stderr, /DATABASE_URL/, what);
      assert.doesNotMatch(result.stderr, /\n\s+at /, `${what} prints no stack trace`);
      if (args[0] === 'users') {
        assert.match(
          result.stderr,
          /\/de\/verwaltung\/organisationen/,
          'users create points to the administration page',
        );
      }
    }
    server.child.kill('SIGTERM');
    assert.equal(await exited(server.child), 0);
    assert.equal(existsSync(lockFile), false, 'a server that stops releases the directory');
    const created = run(dataDir, commands[0] as string[], PASSWORD);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created late@example.org/, 'the refused attempt wrote nothing');
    assert.equal(existsSync(lockFile), false, 'a command that ends releases the directory');
  });

  it('takes over the lock of a holder killed with SIGKILL', async () => {
    const server = serve({ DATA_DIR: dataDir });
    await server.ready;
    assert.equal(existsSync(lockFile), true);
    server.child.kill('SIGKILL');
    await exited(server.child);
    assert.equal(existsSync(lockFile), true, 'kill -9 leaves the lock file behind');
    const created = run(
      dataDir,
      ['users', 'create', '--email', 'after-kill@example.org', '--role', 'applicant'],
      PASSWORD,
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created after-kill@example.org/);
    assert.equal(existsSync(lockFile), false, 'the command released the lock it took over');
  });
});

describe('chancenregion with bad configuration', () => {
  it('names DATA_DIR and the path when it is a file, without a stack trace', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'cr-cli-')), 'not-a-directory');
    writeFileSync(file, 'x');
    for (const command of ['serve', 'migrate']) {
      const result = spawnSync(process.execPath, [BIN, command], {
        env: { ...process.env, DATA_DIR: file, DATABASE_URL: '' },
        encoding: 'utf8',
      });
      assert.equal(result.status, 78, result.stderr);
      assert.match(result.stderr, new RegExp(`DATA_DIR must be a directory: ${file} is a file`));
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

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
