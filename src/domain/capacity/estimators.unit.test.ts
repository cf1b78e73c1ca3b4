import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  completionsPerFte,
  countNoise,
  kaplanMeier,
  nearestRankPercentile,
  survivalAt,
  survivalQuantile,
  weeklyArrivalRate,
} from './estimators.ts';

describe('wait estimators (memo §3.6, §3.8, test case 10)', () => {
  it('test case 10: the nearest-rank P80 of [2,3,3,4,5,6,8,9,12,20] weeks is 9', () => {
    assert.equal(nearestRankPercentile([2, 3, 3, 4, 5, 6, 8, 9, 12, 20], 0.8), 9);
    assert.equal(nearestRankPercentile([20, 12, 9, 8, 6, 5, 4, 3, 3, 2], 0.8), 9);
  });

  it('the nearest rank takes the ceil(p·n)-th smallest, the minimum for p = 0 and nothing for no data', () => {
    assert.equal(nearestRankPercentile([5, 1, 3], 0.5), 3);
    assert.equal(nearestRankPercentile([5, 1, 3], 0), 1);
    assert.equal(nearestRankPercentile([5, 1, 3], 1), 5);
    assert.equal(nearestRankPercentile([], 0.5), null);
  });

  it('test case 10: Kaplan–Meier gives S(3) = 7/8, S(6) = 35/48, S(7) = 7/12, S(10) = 7/18, S(12) = 7/36', () => {
    const km = kaplanMeier([3, 5, 6, 7, 8, 10, 12, 12], [1, 0, 1, 1, 0, 1, 1, 0]);
    assert.deepEqual(
      km.steps.map((s) => [s.time, s.survival]),
      [
        [3, 7 / 8],
        [6, 35 / 48],
        [7, 7 / 12],
        [10, 7 / 18],
        [12, 7 / 36],
      ],
    );
    assert.equal(km.median, 10);
  });

  it('Kaplan–Meier counts a censored case as at risk at its own time and reads S between steps', () => {
    const km = kaplanMeier([3, 5, 6, 7, 8, 10, 12, 12], [1, 0, 1, 1, 0, 1, 1, 0]);
    assert.deepEqual(
      km.steps.map((s) => [s.atRisk, s.events]),
      [
        [8, 1],
        [6, 1],
        [5, 1],
        [3, 1],
        [2, 1],
      ],
    );
    assert.equal(survivalAt(km, 2), 1);
    assert.equal(survivalAt(km, 9), 7 / 12);
    assert.equal(survivalQuantile(km, 0.8), 12);
  });

  it('Kaplan–Meier has no median when too many are still waiting', () => {
    assert.equal(kaplanMeier([1, 2, 3, 4], [1, 0, 0, 0]).median, null);
    assert.equal(kaplanMeier([], []).median, null);
  });

  it('the arrival rate is an exponentially weighted average of the last 8 weeks, newest weighing most', () => {
    assert.equal(weeklyArrivalRate([50, 50, 50]), 50);
    assert.equal(weeklyArrivalRate([1000, ...Array(8).fill(40)]), 40);
    const rate = weeklyArrivalRate([10, 10, 10, 10, 10, 10, 10, 50]);
    assert.ok(rate !== null && rate > 10 + 40 / 8 && rate < 50);
    assert.equal(weeklyArrivalRate([]), null);
  });

  it('completions per FTE divide the last 12 weeks of completions by the FTE-weeks available', () => {
    assert.equal(completionsPerFte([...Array(4).fill(1000), ...Array(12).fill(48)], 8), 6);
    assert.equal(completionsPerFte([30, 60], [5, 10]), 6);
    assert.equal(completionsPerFte([30], 0), null);
  });

  it('weekly counts are Poisson unless the variance exceeds 1.5 × the mean (negative binomial)', () => {
    assert.equal(countNoise([38, 42, 40, 41, 39]).kind, 'poisson');
    const spread = countNoise([10, 70, 20, 60, 40]);
    assert.equal(spread.kind, 'negative-binomial');
    assert.equal(spread.mean, 40);
    assert.equal(countNoise([10, 70, 20, 60, 40], 80).mean, 80);
  });
});
