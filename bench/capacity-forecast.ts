// Capacity forecast benchmarks (issue 15, memo §5.5 and G4 of §5.8): the time to forecast 350 offices
// (200 foreigners' offices + 150 missions) with 1,000 simulated paths each, and the rolling-origin back-test
// (26 origins) on seeded synthetic histories of the demo offices of memo §4.6 (illustrative parameters).
import {
  type BacktestInput,
  backtestForecast,
  forecastInputAt,
  generateCaseHistory,
  P80_COVERAGE_BAND,
} from '../src/domain/capacity/backtest.ts';
import { forecastWait } from '../src/domain/capacity/forecast.ts';

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

/** Memo §4.6 demo offices (the lottery mission has no queue and is left out). */
const PROFILES = [
  {
    office: 'leipzig-like',
    initialBacklog: 3430,
    arrivalsPerWeek: 300,
    staff: 44,
    casesPerStaff: 6,
    targetWeeks: 8,
  },
  {
    office: 'zab-like',
    initialBacklog: 100,
    arrivalsPerWeek: 40,
    staff: 8,
    casesPerStaff: 6,
    targetWeeks: 3,
  },
  {
    office: 'mission-a-like',
    initialBacklog: 1950,
    arrivalsPerWeek: 170,
    staff: 10,
    casesPerStaff: 15,
    targetWeeks: 8,
  },
  {
    office: 'physicians-like',
    initialBacklog: 70,
    arrivalsPerWeek: 5,
    staff: 3,
    casesPerStaff: 1.5,
    targetWeeks: 16,
  },
] as const;
const PRESENCE = 0.9;
const HISTORY_WEEKS = 78;
const LAST_ORIGIN = 52;
const OFFICES = 350;
const HISTORIES_PER_PROFILE = 10;

function backtestInput(profile: (typeof PROFILES)[number], seed: number): BacktestInput {
  const { office: _office, targetWeeks, ...parameters } = profile;
  return {
    history: generateCaseHistory({ weeks: HISTORY_WEEKS, seed, presence: PRESENCE, ...parameters }),
    capacity: { fte: profile.staff, casesPerFtePerWeek: profile.casesPerStaff, presence: PRESENCE },
    targetWeeks,
    seed,
    startDate: '2025-06-02',
    lastOrigin: LAST_ORIGIN,
  };
}

export async function capacityForecastBenchmark() {
  const histories = PROFILES.flatMap((profile, p) =>
    Array.from({ length: HISTORIES_PER_PROFILE }, (_, s) => backtestInput(profile, 1000 * p + s + 1)),
  );
  const inputs = Array.from({ length: OFFICES }, (_, i) => {
    const base = histories[i % histories.length] as BacktestInput;
    return { ...forecastInputAt(base, HISTORY_WEEKS), seed: i + 1 };
  });
  forecastWait(inputs[0] ?? forecastInputAt(histories[0] as BacktestInput, HISTORY_WEEKS));
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (const input of inputs) forecastWait(input);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  report('capacity.forecast-350-offices', {
    offices: OFFICES,
    paths: 1000,
    runs: samples.length,
    medianMs: Math.round(samples[Math.floor(samples.length / 2)] ?? 0),
    minMs: Math.round(samples[0] ?? 0),
  });

  // One history shares one capacity path across its 26 overlapping origins, so a single history scores the
  // forecast on few independent draws: report the mean over HISTORIES_PER_PROFILE seeded histories.
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  const mean = (xs: (number | null)[]) => {
    const known = xs.filter((x): x is number => x !== null);
    return known.length ? known.reduce((s, x) => s + x, 0) / known.length : null;
  };
  for (const [p, profile] of PROFILES.entries()) {
    const started = performance.now();
    const results = histories
      .slice(HISTORIES_PER_PROFILE * p, HISTORIES_PER_PROFILE * (p + 1))
      .map(backtestForecast);
    const maeP50Weeks = mean(results.map((r) => r.maeP50Weeks));
    const maeTargetWeeks = mean(results.map((r) => r.maeTargetWeeks));
    const p80PitCoverage = mean(results.map((r) => r.p80PitCoverage));
    const pit = results.map((r) => r.p80PitCoverage ?? Number.NaN);
    report(`capacity.backtest.${profile.office}`, {
      histories: results.length,
      originsEach: results[0]?.origins.length,
      scored: results.reduce((s, r) => s + r.scored, 0),
      maeP50Weeks: round(maeP50Weeks),
      meanRealisedP50Weeks: round(mean(results.map((r) => r.meanRealisedP50Weeks))),
      maeTargetWeeks: round(maeTargetWeeks),
      p80Coverage: round(mean(results.map((r) => r.p80Coverage))),
      p80PitCoverage: round(p80PitCoverage),
      p80PitCoverageRange: [round(Math.min(...pit)), round(Math.max(...pit))],
      meetsG4:
        maeP50Weeks !== null &&
        maeTargetWeeks !== null &&
        p80PitCoverage !== null &&
        maeP50Weeks <= maeTargetWeeks &&
        p80PitCoverage >= P80_COVERAGE_BAND[0] &&
        p80PitCoverage <= P80_COVERAGE_BAND[1],
      historiesMeetingG4: results.filter((r) => r.meetsGoal).length,
      ms: Math.round(performance.now() - started),
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await capacityForecastBenchmark();
