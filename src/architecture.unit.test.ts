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
/** People and organisations: tables and lookups every feature uses, with no routes of its own. */
const SHARED_MODULE = 'people';

const features = readdirSync(FEATURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('the shape of the code', () => {
  it('every feature has an index.ts, its public surface', () => {
    const missing = features.filter((f) => !existsSync(path.join(FEATURES, f, 'index.ts')));
    assert.deepEqual(missing, []);
  });

  it('every feature but the shared people module is a plugin that registers its routes from routes.ts', () => {
    const odd = features
      .filter((f) => f !== SHARED_MODULE)
      .filter((f) => {
        const index = readFileSync(path.join(FEATURES, f, 'index.ts'), 'utf8');
        const hasRoutes = ['routes.ts', 'routes.tsx'].some((r) => existsSync(path.join(FEATURES, f, r)));
        return (
          !hasRoutes || !/export const \w+Plugin\b/.test(index) || !/import\('\.\/routes\.tsx?'\)/.test(index)
        );
      });
    assert.deepEqual(odd, []);
  });

  it(`no source file is longer than ${MAX_LINES} lines`, () => {
    const long = globSync('**/*.{ts,tsx}', { cwd: SRC })
      .filter((file) => !/\.(unit|int)\.test\.tsx?$/.test(file))
      .map((file) => ({ file, lines: readFileSync(path.join(SRC, file), 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file} (${f.lines})`);
    assert.deepEqual(long, []);
  });

  it('no module imports itself in a circle (a cycle through an index.ts leaves names uninitialised)', () => {
    const cycles = importCycles();
    assert.deepEqual(cycles, []);
  });

  it('no feature file has a name that says nothing about its content', () => {
    const vague = globSync('features/**/*.{ts,tsx}', { cwd: SRC }).filter((file) =>
      /(^|[-/])(more|misc|utils?|helpers?|stuff)\.tsx?$|-more\b/.test(file),
    );
    assert.deepEqual(vague, []);
  });
});

/** The value imports of every source file (type-only imports vanish at run time and cannot form a cycle). */
function valueImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const statement = /^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms;
  for (const file of globSync('**/*.{ts,tsx}', { cwd: SRC })) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const targets: string[] = [];
    for (const [, typeOnly, names = '', target = ''] of text.matchAll(statement)) {
      if (typeOnly) continue;
      const braced = /^\{([^}]*)\}$/.exec(names.trim());
      const list = braced?.[1]
        ?.split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      if (list && list.length > 0 && list.every((n) => n.startsWith('type '))) continue;
      targets.push(path.normalize(path.join(path.dirname(file), target)));
    }
    graph.set(path.normalize(file), targets);
  }
  return graph;
}

/** Strongly connected groups of more than one file (Tarjan), each sorted, for a readable failure. */
function importCycles(): string[][] {
  const graph = valueImports();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === file) break;
    }
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
