// The shape every feature keeps (docs/architecture.md). The lint rule in biome.json guards the imports between
// features; these tests guard what a linter cannot see: the files a feature has and how long they grow.
import assert from 'node:assert/strict';
import { existsSync, globSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = path.dirname(fileURLToPath(import.meta.url));
const FEATURES = path.join(SRC, 'features');
/** Above this a file usually holds more than one thing; split it by what it contains. */
const MAX_LINES = 300;

const features = readdirSync(FEATURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('the shape of the code', () => {
  it('every feature has an index.ts, its public surface', () => {
    const missing = features.filter((f) => !existsSync(path.join(FEATURES, f, 'index.ts')));
    assert.deepEqual(missing, []);
  });

  it(`no source file is longer than ${MAX_LINES} lines`, () => {
    const long = globSync('**/*.{ts,tsx}', { cwd: SRC })
      .filter((file) => !/\.(unit|int)\.test\.tsx?$/.test(file))
      .map((file) => ({ file, lines: readFileSync(path.join(SRC, file), 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file} (${f.lines})`);
    assert.deepEqual(long, []);
  });

  it('no feature file has a name that says nothing about its content', () => {
    const vague = globSync('features/**/*.{ts,tsx}', { cwd: SRC }).filter((file) =>
      /(^|[-/])(more|misc|utils?|helpers?|stuff)\.tsx?$|-more\b/.test(file),
    );
    assert.deepEqual(vague, []);
  });
});
