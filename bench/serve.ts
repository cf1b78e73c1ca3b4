// A server process for the benchmark: either a bare Fastify route returning a constant (the
// ceiling) or the whole app on PGlite or PostgreSQL. Prints `LISTENING <url>` when ready.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { migrateAndSeed } from '../src/bootstrap.ts';
import { createProgress } from '../src/platform/cli/progress.ts';
import { parseConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { createApp } from '../src/server.ts';

const mode = process.argv[2];
if (mode === 'bare') {
  const app = Fastify();
  app.get('/bare', async () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`LISTENING ${url}\n`);
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cr-bench-'));
  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '100000',
  };
  const config = parseConfig(
    mode === 'postgres' ? { ...env, DATABASE_URL: process.env.BENCH_DATABASE_URL } : env,
  );
  const database =
    mode === 'postgres'
      ? await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE })
      : await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  await migrateAndSeed(database, createProgress({ write: () => true } as unknown as NodeJS.WritableStream));
  const app = await createApp({ config, database, logger: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.stdout.write(`LISTENING ${url}\n`);
}
