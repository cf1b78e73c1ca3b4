import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts';

const MODULE = path.resolve(import.meta.dirname, 'data-dir-lock.ts');
const fresh = () => mkdtempSync(path.join(tmpdir(), 'cr-lock-'));

/** A pid that belonged to a process that has ended (and, just now, to no other). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/**
 * Starts `count` processes at once that each try to lock `dir`; a process that gets the lock keeps it until the
 * others have ended (or 20 s have passed), so that two holders would be seen. They wait for a start file, so that
 * they race. Resolves with how many held the lock and how many were refused.
 */
async function race(dir: string, count: number) {
  const go = path.join(dir, 'go');
  const done = path.join(dir, 'done');
  const script = `
    import { existsSync } from 'node:fs';
    const { lockDataDir, DataDirLockedError, sleep } = await import(${JSON.stringify(MODULE)});
    const until = async (file) => { while (!existsSync(file)) await new Promise((r) => setTimeout(r, 1)); };
    await until(${JSON.stringify(go)});
    try {
      const lock = lockDataDir(${JSON.stringify(dir)}, ${JSON.stringify(path.join(dir, 'pglite.lock'))}, 'racer', {
        // All see the abandoned lock before any takes it over: the widest race there is.
        onStale: () => sleep(300),
      });
      await until(${JSON.stringify(done)});
      lock.release();
      process.stdout.write('held');
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      process.stdout.write('refused');
    }`;
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  let ended = 0;
  let allButOneEnded: () => void = () => {};
  const waiting = new Promise<void>((resolve) => {
    allButOneEnded = resolve;
  });
  const outcomes = children.map(
    (child) =>
      new Promise<string>((resolve) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
        });
        child.on('exit', (code) => {
          if (++ended >= count - 1) allButOneEnded();
          resolve(code === 0 ? out : `exit ${code}`);
        });
      }),
  );
  // Every racer is loaded and polling before the start.
  await new Promise((r) => setTimeout(r, 4_000));
  writeFileSync(go, '');
  await Promise.race([waiting, new Promise((r) => setTimeout(r, 20_000))]);
  writeFileSync(done, '');
  const results = await Promise.all(outcomes);
  return {
    held: results.filter((r) => r === 'held').length,
    refused: results.filter((r) => r === 'refused').length,
    results,
  };
}

describe('data directory lock', { timeout: 120_000 }, () => {
  it('names its holder in the file and refuses a second taker, also in the same process', () => {
    const dir = fresh();
    const file = path.join(dir, 'pglite.lock');
    const lock = lockDataDir(dir, file, 'chancenregion serve');
    const written = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(written.pid, process.pid);
    assert.equal(written.command, 'chancenregion serve');
    assert.equal(written.host, hostname());
    assert.throws(
      () => lockDataDir(dir, file, 'chancenregion migrate'),
      (error: unknown) =>
        error instanceof DataDirLockedError &&
        error.holder?.pid === process.pid &&
        error.message.includes(
          `in use by process ${process.pid} (chancenregion serve), since ${written.since}`,
        ),
    );
    lock.release();
    lock.release();
    assert.equal(existsSync(file), false);
    lockDataDir(dir, file, 'chancenregion migrate').release();
  });

  it('takes over a lock whose process has ended, and one whose pid now belongs to another process', () => {
    const dir = fresh();
    const file = path.join(dir, 'pglite.lock');
    const stale = {
      pid: deadPid(),
      command: 'chancenregion serve',
      host: hostname(),
      since: '2026-01-01T00:00:00Z',
    };
    writeFileSync(file, JSON.stringify({ ...stale, token: 'a' }));
    lockDataDir(dir, file, 'one').release();
    // This very pid, but a different start: the pid was reused after the holder ended (e.g. pid 1 in a container).
    writeFileSync(file, JSON.stringify({ ...stale, pid: process.pid, processStart: '1', token: 'b' }));
    if (existsSync('/proc/self/stat')) lockDataDir(dir, file, 'two').release();
  });

  it('counts a lock of another host as held until it has not been touched for two minutes', () => {
    const dir = fresh();
    const file = path.join(dir, 'pglite.lock');
    writeFileSync(file, JSON.stringify({ pid: 1, command: 'c', host: 'elsewhere', since: 's', token: 't' }));
    assert.throws(() => lockDataDir(dir, file, 'here'), /in use by process 1 \(c\) on host elsewhere/);
    const old = new Date(Date.now() - 121_000);
    spawnSync('touch', ['-d', old.toISOString(), file]);
    lockDataDir(dir, file, 'here').release();
  });

  it('lets exactly one of eight processes racing for a free directory hold it', async () => {
    const outcome = await race(fresh(), 8);
    assert.deepEqual(
      { held: outcome.held, refused: outcome.refused },
      { held: 1, refused: 7 },
      String(outcome.results),
    );
  });

  it('lets exactly one of eight processes racing to take over an abandoned lock hold it', async () => {
    const dir = fresh();
    writeFileSync(
      path.join(dir, 'pglite.lock'),
      JSON.stringify({ pid: deadPid(), command: 'killed', host: hostname(), since: 's', token: 'dead' }),
    );
    const outcome = await race(dir, 8);
    assert.deepEqual(
      { held: outcome.held, refused: outcome.refused },
      { held: 1, refused: 7 },
      String(outcome.results),
    );
    assert.equal(existsSync(path.join(dir, 'pglite.lock')), false, 'the winner released it');
  });
});
