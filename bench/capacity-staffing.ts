// Staffing optimiser benchmark (memo capacity-appointments.md §5.8 goal G5): 350 offices (200 foreigners'
// offices + 150 missions, seeded random data), K = 500 extra FTE, T = 52 weeks, both objectives.
// Prints one BENCH line per objective with the median of 5 runs in milliseconds (target < 1 s).
import {
  optimiseStaffing,
  type StaffingObjective,
  type StaffingOffice,
} from '../src/domain/capacity/staffing.ts';
import { createRandom, type Random } from '../src/domain/law/generate.ts';

const SEED = 20261206;
const RUNS = 5;
const TARGET_MS = 1000;

function report(name: string, figures: object) {
  process.stdout.write(`BENCH ${JSON.stringify({ name, ...figures })}\n`);
}

/** One office whose arrivals run at 80–125% of its current capacity. */
function randomOffice(r: Random, id: string, fte: [number, number], mu: [number, number]): StaffingOffice {
  const staff = r.int(fte[0], fte[1]);
  const completionsPerFtePerWeek = r.int(mu[0], mu[1]);
  const capacity = staff * completionsPerFtePerWeek;
  return {
    id,
    backlog: r.int(0, capacity * 20),
    arrivalsPerWeek: Math.round(capacity * (0.8 + 0.45 * r.next())),
    completionsPerFtePerWeek,
    fte: staff,
    maxExtra: r.chance(0.3) ? r.int(0, 10) : undefined,
    rampWeeks: r.pick([0, 8, 26]),
  };
}

function staffingBenchmarkOffices(seed = SEED): StaffingOffice[] {
  const r = createRandom(seed);
  const foreignersOffices = Array.from({ length: 200 }, (_, i) =>
    randomOffice(r, `abh-${String(i).padStart(3, '0')}`, [3, 60], [4, 12]),
  );
  const missions = Array.from({ length: 150 }, (_, i) =>
    randomOffice(r, `mission-${String(i).padStart(3, '0')}`, [1, 30], [15, 60]),
  );
  return [...foreignersOffices, ...missions];
}

export async function capacityStaffingBenchmark() {
  const offices = staffingBenchmarkOffices();
  const extra = 500;
  const horizonWeeks = 52;
  for (const objective of ['minimax', 'weightedMean'] as StaffingObjective[]) {
    const samples: number[] = [];
    let placed = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const result = optimiseStaffing({ offices, extra, horizonWeeks, objective });
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(`benchmark input rejected: ${result.field} ${result.rule}`);
      placed = extra - result.unallocated;
    }
    samples.sort((a, b) => a - b);
    report(`capacity.staffing-${objective}`, {
      offices: offices.length,
      extra,
      placed,
      horizonWeeks,
      runs: RUNS,
      medianMs: Number((samples[Math.floor(RUNS / 2)] ?? 0).toFixed(3)),
      targetMs: TARGET_MS,
    });
  }
}
