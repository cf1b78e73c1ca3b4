import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareObjectives,
  type MarginalRow,
  marginalTable,
  optimiseStaffing,
  type StaffingInput,
  type StaffingOffice,
  type StaffingPlan,
  type StaffingResult,
  waitAfterHorizon,
} from './staffing.ts';
import { bruteForceStaffing } from './staffing-brute-force.ts';

/** Memo §5.9 test cases 4 and 5. */
const OFFICES: StaffingOffice[] = [
  { id: 'A', backlog: 400, arrivalsPerWeek: 60, completionsPerFtePerWeek: 5, fte: 10 },
  { id: 'B', backlog: 100, arrivalsPerWeek: 44, completionsPerFtePerWeek: 5, fte: 8 },
  { id: 'C', backlog: 0, arrivalsPerWeek: 30, completionsPerFtePerWeek: 5, fte: 7 },
  { id: 'D', backlog: 250, arrivalsPerWeek: 36, completionsPerFtePerWeek: 4, fte: 8 },
];
const T = 26;
const near = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} is not within ${tolerance} of ${expected}`);
const planOf = (r: StaffingResult): StaffingPlan => {
  assert.equal(r.ok, true, JSON.stringify(r));
  return r as StaffingPlan;
};
const extras = (p: StaffingPlan) => p.allocation.map((a) => a.extra);
const run = (extra: number, objective: StaffingInput['objective']) =>
  planOf(optimiseStaffing({ offices: OFFICES, extra, horizonWeeks: T, objective }));

describe('staffing: fluid wait at the horizon (memo §3.2, case 4)', () => {
  it('starts at A 13.2, B 5.1, C 0 and D 11.0625 weeks', () => {
    assert.deepEqual(
      OFFICES.map((o) => waitAfterHorizon(o, 0, T)),
      [13.2, 5.1, 0, 11.0625],
    );
  });

  it('without ramp-up a zero ramp and an absent ramp give the memo formula', () => {
    const a = OFFICES[0] as StaffingOffice;
    assert.equal(waitAfterHorizon({ ...a, rampWeeks: 0 }, 2, T), waitAfterHorizon(a, 2, T));
    near(waitAfterHorizon(a, 2, T), 20 / 3, 1e-12);
  });

  it('ramp-up makes a hire worth less over the horizon, and nothing at all at horizon 0', () => {
    const a = OFFICES[0] as StaffingOffice;
    const ramped = { ...a, rampWeeks: 26 };
    // 400 + 26·60 − 5·(10·26 + 1·13) = 595 cases left; speed at the horizon 5·11 = 55 a week.
    near(waitAfterHorizon(ramped, 1, T), 595 / 55, 1e-12);
    assert.ok(waitAfterHorizon(ramped, 1, T) > waitAfterHorizon(a, 1, T));
    // Past the ramp: the hire worked T − ramp/2 full-speed weeks.
    near(waitAfterHorizon({ ...a, rampWeeks: 8 }, 1, T), (400 + 1560 - 5 * (260 + 22)) / 55, 1e-12);
    assert.equal(waitAfterHorizon({ ...ramped, fte: 0 }, 3, 0), Number.POSITIVE_INFINITY);
  });

  it('an office with no staff and work waiting has an infinite wait; with no work its wait is 0', () => {
    const empty = { id: 'E', backlog: 10, arrivalsPerWeek: 0, completionsPerFtePerWeek: 5, fte: 0 };
    assert.equal(waitAfterHorizon(empty, 0, 0), Number.POSITIVE_INFINITY);
    assert.equal(waitAfterHorizon({ ...empty, backlog: 0 }, 0, 10), 0);
  });
});

describe('staffing: minimax greedy (memo §5.9 case 4)', () => {
  it('K = 4 picks A, D, A, D: A+2, D+2, worst wait 20/3 (A), D 3.65, B 5.1', () => {
    const p = run(4, 'minimax');
    assert.deepEqual(p.steps, ['A', 'D', 'A', 'D']);
    assert.deepEqual(p.allocation, [
      { officeId: 'A', extra: 2 },
      { officeId: 'B', extra: 0 },
      { officeId: 'C', extra: 0 },
      { officeId: 'D', extra: 2 },
    ]);
    near(p.worstAfter, 20 / 3, 1e-12);
    near(p.after[3]?.waitWeeks ?? Number.NaN, 3.65, 1e-12);
    assert.equal(p.after[1]?.waitWeeks, 5.1);
    assert.equal(p.worstBefore, 13.2);
    assert.equal(p.unallocated, 0);
  });

  it('brute force over all 35 allocations of K = 4 finds the same unique optimum', () => {
    const b = bruteForceStaffing({ offices: OFFICES, extra: 4, horizonWeeks: T, objective: 'minimax' });
    assert.equal(b.count, 35);
    assert.deepEqual(b.optima, [[2, 0, 0, 2]]);
    near(b.best, 20 / 3, 1e-12);
  });

  it('K = 5 gives (3,0,0,2) with worst 5.1; K = 6 gives (3,1,0,2) with worst 4.1538', () => {
    const five = run(5, 'minimax');
    assert.deepEqual(extras(five), [3, 0, 0, 2]);
    assert.equal(five.worstAfter, 5.1);
    const six = run(6, 'minimax');
    assert.deepEqual(extras(six), [3, 1, 0, 2]);
    near(six.worstAfter, 4.1538, 5e-5);
    for (const K of [5, 6]) {
      const b = bruteForceStaffing({ offices: OFFICES, extra: K, horizonWeeks: T, objective: 'minimax' });
      near(run(K, 'minimax').worstAfter, b.best, 1e-12);
    }
  });

  it('respects maxExtra: when the worst office is full, the rest goes to the next worst', () => {
    const capped = OFFICES.map((o) => (o.id === 'A' ? { ...o, maxExtra: 1 } : o));
    const p = planOf(optimiseStaffing({ offices: capped, extra: 4, horizonWeeks: T, objective: 'minimax' }));
    assert.equal(p.allocation[0]?.extra, 1);
    assert.deepEqual(p.steps, ['A', 'D', 'D', 'B']);
    const b = bruteForceStaffing({ offices: capped, extra: 4, horizonWeeks: T, objective: 'minimax' });
    near(p.worstAfter, b.best, 1e-12);
  });

  it('leaves FTE unallocated once every wait is 0, and breaks ties by the lowest office id', () => {
    const twins: StaffingOffice[] = [
      { id: 'b', backlog: 10, arrivalsPerWeek: 0, completionsPerFtePerWeek: 10, fte: 1 },
      { id: 'a', backlog: 10, arrivalsPerWeek: 0, completionsPerFtePerWeek: 10, fte: 1 },
    ];
    const p = planOf(optimiseStaffing({ offices: twins, extra: 5, horizonWeeks: 0, objective: 'minimax' }));
    // Horizon 0: wait = 10 / (10(1+x)); it never reaches 0, so all five are placed, first at 'a'.
    assert.deepEqual(p.steps, ['a', 'b', 'a', 'b', 'a']);
    const done = planOf(
      optimiseStaffing({ offices: twins, extra: 5, horizonWeeks: 1, objective: 'minimax' }),
    );
    assert.deepEqual(done.steps, []);
    assert.equal(done.unallocated, 5);
  });
});

describe('staffing: weighted-mean greedy (memo §5.9 case 5)', () => {
  it('weights = arrivals, K = 4 picks A, A, B, A: A+3, B+1, weighted mean ≈ 4.2343, D stays 11.0625', () => {
    const p = run(4, 'weightedMean');
    assert.deepEqual(p.steps, ['A', 'A', 'B', 'A']);
    assert.deepEqual(extras(p), [3, 1, 0, 0]);
    near(p.weightedMeanAfter, 4.2343, 5e-5);
    assert.equal(p.after[3]?.waitWeeks, 11.0625);
    const b = bruteForceStaffing({ offices: OFFICES, extra: 4, horizonWeeks: T, objective: 'weightedMean' });
    assert.equal(b.count, 35);
    assert.deepEqual(b.optima, [[3, 1, 0, 0]]);
    near(p.weightedMeanAfter, b.best, 1e-12);
  });

  it('the two objectives disagree on the same data, and compareObjectives returns both', () => {
    const both = compareObjectives({ offices: OFFICES, extra: 4, horizonWeeks: T });
    assert.equal(both.ok, true);
    if (!both.ok) return;
    assert.deepEqual(extras(both.minimax), [2, 0, 0, 2]);
    assert.deepEqual(extras(both.weightedMean), [3, 1, 0, 0]);
    assert.ok(both.minimax.worstAfter < both.weightedMean.worstAfter);
    assert.ok(both.weightedMean.weightedMeanAfter < both.minimax.weightedMeanAfter);
  });

  it('equal weights count every office once', () => {
    const p = planOf(
      optimiseStaffing({
        offices: OFFICES,
        extra: 4,
        horizonWeeks: T,
        objective: 'weightedMean',
        weights: 'equal',
      }),
    );
    const b = bruteForceStaffing({
      offices: OFFICES,
      extra: 4,
      horizonWeeks: T,
      objective: 'weightedMean',
      weights: 'equal',
    });
    near(p.weightedMeanAfter, b.best, 1e-12);
    assert.equal(p.weights, 'equal');
  });
});

describe('staffing: one extra caseworker (memo §5.9 case 5 ranking)', () => {
  const table = marginalTable({ offices: OFFICES, horizonWeeks: T });
  assert.equal(table.ok, true);
  const rows = (table.ok ? table.rows : []) as MarginalRow[];
  const row = (id: string) => rows.find((r) => r.officeId === id) as MarginalRow;

  it('by weighted gain: A 213.82 > B 152.04 > D 148.25 > C 0', () => {
    near(row('A').weightedGain, 213.82, 5e-3);
    near(row('B').weightedGain, 152.04, 5e-3);
    near(row('D').weightedGain, 148.25, 5e-3);
    assert.equal(row('C').weightedGain, 0);
    near(row('A').weightedMeanCut, 213.82 / 170, 5e-5);
  });

  it("by the office's own wait cut: D 4.1181 > A 3.5636 > B 3.4556 weeks", () => {
    near(row('D').ownWaitCut, 4.1181, 5e-5);
    near(row('A').ownWaitCut, 3.5636, 5e-5);
    near(row('B').ownWaitCut, 3.4556, 5e-5);
    assert.equal(row('C').ownWaitCut, 0);
  });

  it('by worst-wait cut: only A helps (13.2 → 11.0625, D becomes the worst)', () => {
    near(row('A').worstWaitCut, 13.2 - 11.0625, 1e-12);
    for (const id of ['B', 'C', 'D']) assert.equal(row(id).worstWaitCut, 0);
  });

  it('an office with maxExtra 0 cannot add and cuts nothing', () => {
    const capped = OFFICES.map((o) => (o.id === 'A' ? { ...o, maxExtra: 0 } : o));
    const t = marginalTable({ offices: capped, horizonWeeks: T });
    assert.ok(t.ok);
    assert.deepEqual(t.rows[0], {
      officeId: 'A',
      canAdd: false,
      worstWaitCut: 0,
      weightedGain: 0,
      weightedMeanCut: 0,
      ownWaitCut: 0,
    });
  });
});

describe('staffing: invalid input is a value, not an exception', () => {
  const base: StaffingInput = { offices: OFFICES, extra: 4, horizonWeeks: T, objective: 'minimax' };
  const withOffice = (patch: Partial<StaffingOffice>) => ({
    ...base,
    offices: [{ ...(OFFICES[0] as StaffingOffice), ...patch }, ...OFFICES.slice(1)],
  });
  const cases: [string, StaffingInput, string, string][] = [
    ['negative backlog', withOffice({ backlog: -1 }), 'offices[0].backlog', 'finiteNonNegative'],
    [
      'NaN arrivals',
      withOffice({ arrivalsPerWeek: Number.NaN }),
      'offices[0].arrivalsPerWeek',
      'finiteNonNegative',
    ],
    ['negative fte', withOffice({ fte: -2 }), 'offices[0].fte', 'finiteNonNegative'],
    ['μ = 0', withOffice({ completionsPerFtePerWeek: 0 }), 'offices[0].completionsPerFtePerWeek', 'positive'],
    ['fractional maxExtra', withOffice({ maxExtra: 1.5 }), 'offices[0].maxExtra', 'integerNonNegative'],
    ['negative ramp', withOffice({ rampWeeks: -1 }), 'offices[0].rampWeeks', 'finiteNonNegative'],
    ['no staff and no room', withOffice({ fte: 0, maxExtra: 0 }), 'offices[0].fte', 'needsCapacity'],
    ['duplicate id', withOffice({ id: 'B' }), 'offices[1].id', 'unique'],
    ['empty id', withOffice({ id: '' }), 'offices[0].id', 'nonEmpty'],
    ['no offices', { ...base, offices: [] }, 'offices', 'nonEmpty'],
    ['fractional budget', { ...base, extra: 2.5 }, 'extra', 'integerNonNegative'],
    ['negative budget', { ...base, extra: -1 }, 'extra', 'integerNonNegative'],
    ['huge budget', { ...base, extra: 1e9 }, 'extra', 'atMostMaxExtraFte'],
    ['negative horizon', { ...base, horizonWeeks: -1 }, 'horizonWeeks', 'finiteNonNegative'],
    ['unknown objective', { ...base, objective: 'median' as 'minimax' }, 'objective', 'knownValue'],
    ['unknown weights', { ...base, weights: 'people' as 'equal' }, 'weights', 'knownValue'],
  ];
  for (const [name, input, field, rule] of cases) {
    it(`${name} → { ok: false, field: ${field}, rule: ${rule} }`, () => {
      assert.deepEqual(optimiseStaffing(input), { ok: false, field, rule });
    });
  }

  it('an office with no staff but room for hires is valid and gets staff first', () => {
    const p = planOf(optimiseStaffing(withOffice({ fte: 0 })));
    assert.equal(p.worstBefore, Number.POSITIVE_INFINITY);
    assert.equal(p.steps[0], 'A');
  });

  it('marginalTable and compareObjectives report the same invalid input', () => {
    assert.deepEqual(marginalTable(withOffice({ completionsPerFtePerWeek: -1 })), {
      ok: false,
      field: 'offices[0].completionsPerFtePerWeek',
      rule: 'positive',
    });
    assert.deepEqual(compareObjectives({ ...base, extra: -3 }), {
      ok: false,
      field: 'extra',
      rule: 'integerNonNegative',
    });
  });
});
