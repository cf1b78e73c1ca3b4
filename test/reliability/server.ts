/**
 * The real server as a child process (`bin/chancenregion.js serve`), on loopback, with its output kept for the
 * failure message of a test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** null while it runs; the exit code or signal once it ended. */
  exited(): string | null;
  /** The last lines the server wrote (stdout and stderr). */
  output(): string;
  /** kill -9. */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, port: number): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin/chancenregion.js'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exit: string | null = null;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!/is ready at/.test(out)) {
    if (exit !== null) throw new Error(`the server exited (${exit}) while starting:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid ?? 0,
    exited: () => exit,
    output: () => out,
    kill9: async () => {
      if (exit === null) child.kill('SIGKILL');
      await ended;
    },
    stop: async () => {
      if (exit === null) child.kill('SIGTERM');
      await Promise.race([ended, new Promise((r) => setTimeout(r, 15_000))]);
      if (exit === null) child.kill('SIGKILL');
      await ended;
    },
  };
}
