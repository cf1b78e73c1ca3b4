// Capacity forecast benchmarks (issue 15, memo §5.5 and G4 of §5.8): the time to forecast 350 offices
// (200 foreigners' offices + 150 missions) with 1,000 simulated paths each, and the rolling-origin back-test
// (26 origins) on seeded synthetic histories of the demo offices of memo §4.6 (illustrative parameters).
import {
  type BacktestInput,
  backtestForecast,
  forecastInputAt,
  generateCaseHistory,
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
    Array.from({ length: 5 }, (_, s) => backtestInput(profile, 1000 * p + s + 1)),
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

  for (const [p, profile] of PROFILES.entries()) {
    const started = performance.now();
    const result = backtestForecast(histories[5 * p] as BacktestInput);
    const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
    report(`capacity.backtest.${profile.office}`, {
      origins: result.origins.length,
      scored: result.scored,
      maeP50Weeks: round(result.maeP50Weeks),
      meanRealisedP50Weeks: round(result.meanRealisedP50Weeks),
      maeTargetWeeks: round(result.maeTargetWeeks),
      p80Coverage: round(result.p80Coverage),
      meetsG4: result.meetsGoal,
      ms: Math.round(performance.now() - started),
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await capacityForecastBenchmark();
