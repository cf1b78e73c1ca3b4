import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { main } from '../cli.ts';
import type { WaitingBacktest } from '../features/appointments/index.ts';
import { seedDemo } from '../seed/identity-demo.ts';
import { seedJourneyDemo } from '../seed/journeys.ts';
import { seedScale } from '../seed/scale.ts';
import { parseBacktestArgs, waitingBacktest } from './waiting.ts';

const NOW = new Date('2026-12-07T10:00:00Z');
const FIGURES = [
  'origins',
  'scored',
  'maeP50Weeks',
  'meanRealisedP50Weeks',
  'maeTargetWeeks',
  'p80Coverage',
  'p80PitCoverage',
  'meetsGoal',
].sort();

/** Finite and in range; an office none of whose origins could be scored yet has `null` figures, never a guess. */
function assertFigures(f: Record<string, unknown>, origins: number) {
  assert.equal(f.origins, origins);
  const scored = f.scored as number;
  assert.ok(Number.isInteger(scored) && scored >= 0 && scored <= origins, `scored ${scored}`);
  for (const key of ['maeP50Weeks', 'meanRealisedP50Weeks', 'maeTargetWeeks']) {
    const x = f[key] as number | null;
    if (scored === 0) assert.equal(x, null, key);
    else assert.ok(Number.isFinite(x) && (x as number) >= 0, `${key} = ${x}`);
  }
  if (scored > 0) assert.ok((f.maeTargetWeeks as number) >= 1, 'the target is at least one week');
  for (const key of ['p80Coverage', 'p80PitCoverage']) {
    const x = f[key] as number | null;
    assert.ok(x === null || (Number.isFinite(x) && x >= 0 && x <= 1 + 1e-9), `${key} = ${x}`);
  }
  assert.equal(typeof f.meetsGoal, 'boolean');
  if (f.meetsGoal) assert.ok(scored > 0);
}

describe('waiting backtest: the forecast back-tested on the database’s history (G4)', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
    await seedDemo(db.db, 'test', NOW);
    await seedJourneyDemo(db.db, NOW);
    await seedScale(db.db, 600, { batch: 200, today: NOW });
  });
  after(() => db.destroy());

  it('reports every office with enough finished cases and all of them together, as JSON and as a table', async () => {
    let out = '';
    const io = { stdout: (s: string) => (out += s) };
    assert.equal(await waitingBacktest(db, { origins: 26, json: true }, io, () => NOW), 0);
    const result = JSON.parse(out) as WaitingBacktest;
    assert.deepEqual(Object.keys(result).sort(), [
      'asOf',
      'offices',
      'officesBelowMinimum',
      'originsPerOffice',
      'overall',
    ]);
    assert.equal(result.asOf, '2026-12-07');
    assert.equal(result.originsPerOffice, 26);
    assert.ok(result.offices.length >= 1, 'the synthetic journeys give some office enough finished cases');
    assert.ok(result.officesBelowMinimum >= 1, 'offices with few cases are left out, not guessed');
    for (const o of result.offices) {
      assert.deepEqual(Object.keys(o).sort(), [...FIGURES, 'finished', 'kind', 'name', 'slug'].sort());
      assert.ok(o.finished >= 30, 'the published figures’ minimum of finished cases');
      assertFigures(o, 26);
    }
    assert.ok(result.overall);
    assert.deepEqual(Object.keys(result.overall).sort(), FIGURES);
    assertFigures(result.overall, 26 * result.offices.length);
    assert.ok(result.overall.scored >= 1, 'some origin is scored');
    assert.ok(result.overall.p80PitCoverage !== null);
    assert.equal(
      result.overall.scored,
      result.offices.reduce((sum, o) => sum + o.scored, 0),
    );

    out = '';
    assert.equal(await waitingBacktest(db, { origins: 26, json: false }, io, () => NOW), 0);
    assert.match(
      out,
      /^Back-test of the waiting-time forecast on 2026-12-07: 26 rolling origins per office\n/,
    );
    assert.match(out, /P50 MAE/);
    for (const o of result.offices) assert.ok(out.includes(o.name.slice(0, 40)), o.name);
    assert.match(
      out,
      /\nall offices +\d+ +\d+\/\d+ +\d+\.\d\d +\d+\.\d\d +\d\.\d\d +\d\.\d\d +(met|not met)\n/,
    );
  });

  it('reads the options; a wrong one is a usage error (exit 64) before any database is opened', async () => {
    assert.deepEqual(parseBacktestArgs(['waiting', 'backtest']), { origins: 26, json: false });
    assert.deepEqual(parseBacktestArgs(['waiting', 'backtest', '--origins', '12', '--json']), {
      origins: 12,
      json: true,
    });
    for (const bad of [
      ['--origins', '0'],
      ['--origins', 'x'],
      ['--origins', '105'],
      ['--weeks', '3'],
      ['extra'],
    ]) {
      assert.equal(parseBacktestArgs(['waiting', 'backtest', ...bad]), null, bad.join(' '));
    }
    const write = process.stderr.write;
    let err = '';
    process.stderr.write = ((s: string) => {
      err += s;
      return true;
    }) as typeof process.stderr.write;
    try {
      assert.equal(await main(['waiting', 'backtest', '--origins', '0']), 64);
    } finally {
      process.stderr.write = write;
    }
    assert.match(err, /^Usage: chancenregion waiting backtest \[--origins N\] \[--json\]/);
  });
});
