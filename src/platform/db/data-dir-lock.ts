import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * One process at a time on an embedded (PGlite) database directory. PGlite keeps the database in
 * the process's memory and writes it back to its directory; a second process on the same
 * directory works on its own copy, and whichever writes last wins, so the other's writes are lost
 * without an error (issue 13). Every process that opens the directory first takes this lock.
 *
 * The lock is a file created with O_EXCL (`wx`): the file system lets exactly one process create
 * it. It names its holder (pid, command, host, start). A holder that ended without releasing it
 * (kill -9, power loss) leaves it behind; the next process sees that the pid is gone and takes
 * it over. ADR 0012.
 */

/** Who holds the directory, as written into the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly command: string;
  readonly host: string;
  /** When the holder took the lock (ISO 8601). */
  readonly since: string;
  /** The holder's start time in clock ticks after boot (Linux); tells a reused pid from the holder. */
  readonly processStart?: string;
  /** Makes every lock's content unique, so that a takeover can tell "the same stale lock" for sure. */
  readonly token: string;
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Gives the directory free; only removes the file while it is still this lock. Safe to call twice. */
  release(): void;
}

/** A holder on another host proves it lives by touching the lock this often… */
const HEARTBEAT_MS = 10_000;
/** …and counts as gone when it has not for this long. */
const FOREIGN_STALE_MS = 120_000;
/** An empty or unreadable lock file is one being written; after this long it counts as abandoned. */
const UNREADABLE_GRACE_MS = 2_000;

export class DataDirLockedError extends Error {
  readonly holder: LockHolder | undefined;
  readonly file: string;
  constructor(dir: string, file: string, holder: LockHolder | undefined, extra = '') {
    const who = holder
      ? `process ${holder.pid} (${holder.command})${holder.host === hostname() ? '' : ` on host ${holder.host}`}, since ${holder.since}`
      : 'another process';
    super(
      `The embedded database in ${dir} is in use by ${who}.\n` +
        'Two processes must never open it at once: one would overwrite the other’s writes.\n' +
        `${extra}What to do:\n` +
        '  - stop that process first (a server: Ctrl-C or SIGTERM), then run this command again\n' +
        '  - or run the server and the commands on PostgreSQL: set DATABASE_URL=postgres://… (README.md, "Running on PostgreSQL")',
    );
    this.name = 'DataDirLockedError';
    this.holder = holder;
    this.file = file;
  }
}

export interface LockOptions {
  /** Called when an abandoned lock was found, before taking it over (tests widen the race with a pause). */
  readonly onStale?: () => void;
}

/**
 * Takes the lock of `dir` (the file `lockFile` in it) for this process, or throws DataDirLockedError
 * naming the holder. Released by `release()` and, as a last resort, when the process exits.
 */
export function lockDataDir(
  dir: string,
  lockFile: string,
  command: string,
  options: LockOptions = {},
): DataDirLock {
  const holder: LockHolder = {
    pid: process.pid,
    command,
    host: hostname(),
    since: new Date().toISOString(),
    ...(processStart(process.pid) ? { processStart: processStart(process.pid) } : {}),
    token: randomBytes(16).toString('hex'),
  };
  const content = `${JSON.stringify(holder)}\n`;
  let last: LockHolder | undefined;
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(lockFile, content)) return held(lockFile, holder, content);
    const current = readLock(lockFile);
    if (current === undefined) continue; // released meanwhile: try again
    last = current.holder;
    const state = stateOf(current);
    if (state === 'alive') throw new DataDirLockedError(dir, lockFile, current.holder);
    if (state === 'being-written') {
      sleep(50);
      continue;
    }
    options.onStale?.();
    takeOver(dir, lockFile, current.raw);
  }
  throw new DataDirLockedError(dir, lockFile, last);
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

interface ReadLock {
  readonly raw: string;
  readonly holder: LockHolder | undefined;
  readonly modifiedMs: number;
}

function readLock(file: string): ReadLock | undefined {
  try {
    const modifiedMs = statSync(file).mtimeMs;
    const raw = readFileSync(file, 'utf8');
    return { raw, holder: parseHolder(raw), modifiedMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseHolder(raw: string): LockHolder | undefined {
  try {
    const h = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof h.pid !== 'number' || typeof h.host !== 'string' || typeof h.token !== 'string')
      return undefined;
    return {
      pid: h.pid,
      command: typeof h.command === 'string' ? h.command : 'unknown command',
      host: h.host,
      since: typeof h.since === 'string' ? h.since : 'an unknown time',
      ...(typeof h.processStart === 'string' ? { processStart: h.processStart } : {}),
      token: h.token,
    };
  } catch {
    return undefined;
  }
}

function stateOf(lock: ReadLock): 'alive' | 'stale' | 'being-written' {
  const { holder } = lock;
  const age = Date.now() - lock.modifiedMs;
  if (!holder) return age < UNREADABLE_GRACE_MS ? 'being-written' : 'stale';
  // Another host's pids mean nothing here: its holder proves it lives by touching the file.
  if (holder.host !== hostname()) return age < FOREIGN_STALE_MS ? 'alive' : 'stale';
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'stale';
  }
  // The pid lives; if the system tells start times, it must still be the same process.
  const start = processStart(holder.pid);
  if (holder.processStart && start && start !== holder.processStart) return 'stale';
  return 'alive';
}

/**
 * Removes the stale lock whose content is `raw`, if it is still there. Only one process at a time
 * may do so for a given stale lock: the one that creates the marker named after its content. It
 * checks under the marker that the file still holds that content (nobody else can replace it
 * meanwhile: a stale lock's holder is gone, and every other remover needs the same marker), so it
 * never removes a lock that another process has just taken.
 */
function takeOver(dir: string, file: string, raw: string): void {
  const marker = `${file}.takeover-${createHash('sha256').update(raw).digest('hex').slice(0, 16)}`;
  if (!tryCreate(marker, `${process.pid}\n`)) {
    const age = markerAge(marker);
    if (age !== undefined && age > UNREADABLE_GRACE_MS) {
      throw new DataDirLockedError(
        dir,
        file,
        parseHolder(raw),
        `A process that took over its abandoned lock ended half-way: if no process uses the directory, delete ${file} and ${marker}.\n`,
      );
    }
    sleep(20); // another process is taking it over right now
    return;
  }
  try {
    if (readLock(file)?.raw === raw) unlinkSync(file);
  } finally {
    unlinkSync(marker);
  }
}

function markerAge(marker: string): number | undefined {
  try {
    return Date.now() - statSync(marker).mtimeMs;
  } catch {
    return undefined;
  }
}

function held(file: string, holder: LockHolder, content: string): DataDirLock {
  const stillOurs = () => {
    try {
      return readFileSync(file, 'utf8') === content;
    } catch {
      return false;
    }
  };
  // Neither the heartbeat nor the release may throw: a timer's error would end the server, and a lock file
  // that could not be touched or removed is at worst taken over later, once this process has ended.
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      if (stillOurs()) utimesSync(file, now, now);
    } catch {}
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.off('exit', release);
    try {
      if (stillOurs()) unlinkSync(file);
    } catch {}
  };
  process.on('exit', release);
  return { file, holder, release };
}

/** The start time of a process in clock ticks after boot (field 22 of /proc/PID/stat), where the system tells it. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(path.join('/proc', String(pid), 'stat'), 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count from its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Blocks this thread for `ms` milliseconds (the lock is taken synchronously, before anything else runs). */
export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
