import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ForecastInput, forecastWait, MIN_FINISHED_CASES, overloadStatus } from './forecast.ts';

const TEN = [2, 3, 3, 4, 5, 6, 8, 9, 12, 20];

function office(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return {
    asOf: '2026-11-23',
    finished: { unit: 'weeks', values: [...TEN, ...TEN, ...TEN] },
    open: { unit: 'weeks', values: Array.from({ length: 100 }, (_, i) => i % 4) },
    weeklyArrivals: Array(12).fill(40),
    weeklyCompletions: Array(12).fill(48),
    capacity: { fte: 8, casesPerFtePerWeek: 6 },
    targetWeeks: 2,
    seed: 7,
    paths: 300,
    ...overrides,
  };
}

describe('wait forecast for one office × service (memo §5.5, §5.6, G9)', () => {
  it('publishes nothing below 30 finished cases: figures null and insufficient true', () => {
    assert.equal(MIN_FINISHED_CASES, 30);
    const f = forecastWait(office({ finished: { unit: 'weeks', values: TEN.concat(TEN, TEN).slice(1) } }));
    assert.equal(f.n, 29);
    assert.equal(f.insufficient, true);
    assert.equal(f.historicalP50Weeks, null);
    assert.equal(f.historicalP80Weeks, null);
    assert.equal(f.fluidWeeks, null);
    assert.equal(f.fluidP50Weeks, null);
    assert.equal(f.fluidP80Weeks, null);
    assert.equal(f.waitWeeks, null);
    assert.equal(f.backlog, 100);
    assert.equal(f.status, null);
  });

  it('an overloaded office is red even when there are too few finished cases', () => {
    const f = forecastWait(
      office({ finished: { unit: 'weeks', values: [] }, weeklyArrivals: Array(8).fill(60) }),
    );
    assert.equal(f.insufficient, true);
    assert.equal(f.trend, 'growing');
    assert.equal(f.status, 'red');
  });

  it('historical P50/P80 are nearest ranks of the finished waits, in days or weeks', () => {
    const f = forecastWait(office());
    assert.equal(f.n, 30);
    assert.equal(f.insufficient, false);
    assert.equal(f.historicalP50Weeks, 5);
    assert.equal(f.historicalP80Weeks, 9);
    const days = forecastWait(
      office({ finished: { unit: 'days', values: [...TEN, ...TEN, ...TEN].map((w) => 7 * w) } }),
    );
    assert.equal(days.historicalP80Weeks, 9);
  });

  it('a ZAB-like office (B 100, λ 40, 8 × 6) waits 2 weeks (fluid), utilisation 0.83, shrinking', () => {
    const f = forecastWait(office());
    assert.equal(f.method, 'forward-looking');
    assert.equal(f.asOf, '2026-11-23');
    assert.equal(f.fluidWeeks, 2);
    assert.equal(f.fluidP50Weeks, 2);
    assert.equal(f.fluidP80Weeks, 2);
    assert.equal(f.steadyStateWaitWeeks, 0);
    assert.equal(f.drainWeeks, 13);
    assert.equal(f.weeklyArrivals, 40);
    assert.equal(f.weeklyCapacity, 48);
    assert.equal(f.utilisation, 40 / 48);
    assert.equal(f.trend, 'shrinking');
    assert.equal(f.growing, false);
    assert.equal(f.shareOfBacklogPastTarget, 0.25);
    assert.ok(f.waitWeeks !== null && f.waitWeeks.p50 !== null && f.waitWeeks.p80 !== null);
    assert.ok(f.waitWeeks.p50 <= f.waitWeeks.p80);
    assert.equal(f.waitWeeks.p50, 2);
  });

  it('a Leipzig-like office (B 3430, λ 300, 44 × 6) has 13 weeks of backlog, grows and is red', () => {
    const f = forecastWait(
      office({
        open: { unit: 'weeks', values: Array(3430).fill(5) },
        weeklyArrivals: Array(8).fill(300),
        capacity: { fte: 44, casesPerFtePerWeek: 6 },
        targetWeeks: 6,
      }),
    );
    assert.equal(f.backlogWeeks, 3430 / 264);
    assert.equal(f.fluidWeeks, 12, 'position 3431 is served in week ceil(3431 / 264) − 1 = 12');
    assert.equal(f.trend, 'growing');
    assert.equal(f.growing, true);
    assert.equal(f.steadyStateWaitWeeks, null);
    assert.equal(f.drainWeeks, null);
    assert.equal(f.fluidP80Weeks, 13);
    assert.equal(f.status, 'red');
    assert.equal(f.waitWeeks?.p50, 13, 'a person ready this week stands behind part of its arrivals');
  });

  it('without a planned productivity μ is estimated from the last 12 weeks of completions per FTE', () => {
    const f = forecastWait(office({ capacity: { fte: 8 }, weeklyCompletions: Array(12).fill(48) }));
    assert.equal(f.weeklyCapacity, 48);
    const present = forecastWait(
      office({ capacity: { fte: 10, presence: 0.8 }, weeklyCompletions: Array(12).fill(48) }),
    );
    assert.equal(present.weeklyCapacity, 48);
  });

  it('the same seed gives the same forecast', () => {
    assert.deepEqual(forecastWait(office()), forecastWait(office()));
  });

  it('colours follow memo §5.6: green, amber, red', () => {
    const status = (utilisation: number | null, p80Weeks: number | null, openDeadlineAlerts = 0) =>
      overloadStatus({ utilisation, p80Weeks, targetWeeks: 4, openDeadlineAlerts });
    assert.equal(status(0.8, 4), 'green');
    assert.equal(status(0.9, 4), 'amber');
    assert.equal(status(0.8, 5), 'amber');
    assert.equal(status(0.8, 8), 'amber');
    assert.equal(status(0.8, 9), 'red');
    assert.equal(status(1, 1), 'red');
    assert.equal(status(0.5, 1, 1), 'red');
    assert.equal(status(0.5, null), null);
    assert.equal(status(null, 9), 'red');
  });
});
