// The README's `npm test`: every unit, integration and browser test in one run, with a
// closing line `N passed, N failed` (and the skipped count with reasons).
import { globSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { findChromium } from '../test/e2e/browser-path.ts';

const kinds = process.argv.slice(2);
const want = (kind: string) => kinds.length === 0 || kinds.includes(kind);
const files = [
  ...(want('unit') ? globSync('src/**/*.unit.test.{ts,tsx}') : []),
  ...(want('int') ? globSync('{src,test}/**/*.int.test.{ts,tsx}') : []),
  ...(want('e2e') ? globSync('test/e2e/**/*.e2e.ts') : []),
].sort();

const chromium = findChromium();
const counts = { passed: 0, failed: 0, skipped: 0 };
const skippedReasons = new Set<string>();

const stream = run({
  files,
  concurrency: Math.max(2, availableParallelism()),
  // No single test may hang the run (CI has 90 minutes for everything).
  timeout: 180_000,
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, TZ: 'Europe/Berlin' },
});

stream.on('test:pass', (event) => {
  if (event.details.type === 'suite') return;
  if (event.skip) {
    counts.skipped += 1;
    if (typeof event.skip === 'string') skippedReasons.add(event.skip);
  } else counts.passed += 1;
});
stream.on('test:fail', (event) => {
  if (
    event.details.type === 'suite' &&
    !(event.details.error as { failureType?: string })?.failureType?.startsWith('hook')
  )
    return;
  counts.failed += 1;
});

stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  if (!chromium && want('e2e')) {
    process.stdout.write(
      '\nBrowser suites (test/e2e) were SKIPPED: no Chromium found. Install it (Debian: apt-get install -y chromium)\n' +
        'or point CHROMIUM_PATH at a Chromium binary to run them.\n',
    );
  }
  for (const reason of skippedReasons) process.stdout.write(`skipped: ${reason}\n`);
  process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  process.exitCode = counts.failed > 0 ? 1 : 0;
});
