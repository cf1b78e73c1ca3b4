#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx); see docs/adr/0002-run-typescript-with-tsx.md.
// npm scripts and npx put the project's Node 24 first on PATH; when this file is started with
// an older `node` from elsewhere, it hands over to the project's Node 24.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const local = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (!existsSync(local)) {
    process.stderr.write(`Chancenregion needs Node.js 24; this is ${process.version}. Run npm ci first.\n`);
    process.exit(1);
  }
  const result = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
