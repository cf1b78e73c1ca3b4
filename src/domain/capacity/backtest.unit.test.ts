import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BACKTEST_ORIGINS,
  backtestForecast,
  forecastInputAt,
  generateCaseHistory,
  pitCoverage,
  summariseOrigins,
} from './backtest.ts';
import { kaplanMeier } from './estimators.ts';
import { forecastWait } from './forecast.ts';

const zabLike = { initialBacklog: 100, arrivalsPerWeek: 40, staff: 8, casesPerStaff: 6, presence: 0.9 };

describe('rolling-origin back-test (memo §3.8, §5.5, G4)', () => {
  it('the synthetic history is seeded, FIFO and conserves cases', () => {
    const history = generateCaseHistory({ weeks: 40, seed: 3, ...zabLike });
    assert.deepEqual(history, generateCaseHistory({ weeks: 40, seed: 3, ...zabLike }));
    const served = history.cases.filter((c) => c.servedWeek !== null);
    assert.equal(
      served.length,
      history.completions.reduce((s, x) => s + x, 0),
    );
    assert.equal(history.cases.length, 100 + history.arrivals.reduce((s, x) => s + x, 0));
    for (let i = 1; i < history.cases.length; i++) {
      const before = history.cases[i - 1]?.servedWeek ?? Number.POSITIVE_INFINITY;
      const after = history.cases[i]?.servedWeek ?? Number.POSITIVE_INFINITY;
      assert.ok(before <= after, 'served in ready order');
    }
    assert.ok(history.cases.every((c) => c.servedWeek === null || c.servedWeek >= c.readyWeek));
  });

  it('scores 26 origins with MAE of P50 and P80 coverage, and is deterministic', () => {
    const history = generateCaseHistory({ weeks: 80, seed: 11, ...zabLike });
    const input = {
      history,
      capacity: { fte: 8, casesPerFtePerWeek: 6, presence: 0.9 },
      targetWeeks: 2,
      seed: 5,
      startDate: '2025-01-06',
      lastOrigin: 70,
      paths: 200,
    };
    const result = backtestForecast(input);
    assert.equal(result.origins.length, BACKTEST_ORIGINS);
    assert.equal(result.origins[0]?.origin, 45);
    assert.ok(result.scored > 0);
    assert.ok(result.maeP50Weeks !== null && result.maeP50Weeks <= 1);
    assert.ok(result.p80Coverage !== null && result.p80Coverage >= 0 && result.p80Coverage <= 1);
    assert.deepEqual(backtestForecast(input), result);
  });

  it('origins whose cohort is still mostly waiting have no realised P50 and are not scored', () => {
    const history = generateCaseHistory({
      weeks: 30,
      seed: 2,
      initialBacklog: 2000,
      arrivalsPerWeek: 100,
      staff: 10,
      casesPerStaff: 10,
      presence: 1,
    });
    const result = backtestForecast({
      history,
      capacity: { fte: 10, casesPerFtePerWeek: 10 },
      targetWeeks: 6,
      seed: 1,
      startDate: '2025-01-06',
      origins: 5,
      paths: 50,
    });
    assert.equal(result.scored, 0);
    assert.equal(result.maeP50Weeks, null);
    assert.equal(result.meetsGoal, false);
  });

  it('randomised-PIT coverage is 80 % when every realised wait hits a point forecast, 100 % below, 0 above', () => {
    const forecast = Array(100).fill(5);
    const served = (wait: number) => kaplanMeier(Array(10).fill(wait), Array(10).fill(1));
    assert.ok(Math.abs(pitCoverage(forecast, served(5)) - 0.8) < 1e-12);
    assert.equal(pitCoverage(forecast, served(3)), 1);
    assert.equal(pitCoverage(forecast, served(7)), 0);
    const spread = [...Array(50).fill(4), ...Array(50).fill(6)];
    assert.equal(pitCoverage(spread, served(4)), 1);
    assert.ok(Math.abs(pitCoverage(spread, served(6)) - 0.6) < 1e-12);
  });

  it('each origin scores the very forecast forecastWait publishes for that week', () => {
    const history = generateCaseHistory({ weeks: 60, seed: 4, ...zabLike });
    const input = {
      history,
      capacity: { fte: 8, casesPerFtePerWeek: 6, presence: 0.9 },
      targetWeeks: 2,
      seed: 9,
      startDate: '2025-01-06',
      lastOrigin: 50,
      origins: 3,
      paths: 200,
    };
    const scores = backtestForecast(input).origins;
    for (const score of scores) {
      const published = forecastWait(forecastInputAt(input, score.origin));
      assert.equal(published.asOf, ['2025-12-08', '2025-12-15', '2025-12-22'][score.origin - 48]);
      assert.equal(score.forecastP50, published.waitWeeks?.p50);
      assert.equal(score.forecastP80, published.waitWeeks?.p80);
    }
  });
  it('capacity may follow the completions known at each origin; pooled origins summarise like one history', () => {
    const history = generateCaseHistory({ weeks: 60, seed: 5, ...zabLike });
    const input = { history, targetWeeks: 3, seed: 5, startDate: '2025-06-02' as const, lastOrigin: 40 };
    const fixed = { fte: 8, casesPerFtePerWeek: 6, presence: 0.9 };
    assert.deepEqual(
      backtestForecast({ ...input, capacity: () => fixed }),
      backtestForecast({ ...input, capacity: fixed }),
    );
    const seen: number[] = [];
    const observed = backtestForecast({
      ...input,
      capacity: (completions) => {
        seen.push(completions.length);
        return { fte: 1, casesPerFtePerWeek: completions.slice(-4).reduce((s, x) => s + x, 0) / 4 };
      },
    });
    assert.deepEqual(seen.slice(0, 3), [15, 16, 17], 'each origin sees the completions before it');
    assert.deepEqual(summariseOrigins(observed.origins), observed);
  });
});
