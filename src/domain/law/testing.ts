/**
 * Test support: a builder for complete profiles with overrides, and small lookups into results.
 * Used only by the unit tests (kept in src so tests of other modules can reuse it).
 */
import { evaluatePathways } from './engine.ts';
import type {
  Criterion,
  Job,
  PathwayId,
  PathwayOutcome,
  PathwayProfile,
  PathwayResult,
  Person,
} from './types.ts';

export type ProfileOverrides = {
  date?: string;
  person?: Partial<Person>;
  job?: Partial<Job> | null;
  education?: PathwayProfile['education'];
};

/** A complete, eligible-leaning profile (the example of the brief), overridable field by field. */
export function buildProfile(overrides: ProfileOverrides = {}): PathwayProfile {
  const person: Person = {
    birthDate: '1994-05-01',
    citizenship: 'IN',
    location: 'abroad',
    status: 'none',
    statusSince: null,
    qualification: {
      kind: 'academic',
      trainingYears: 3,
      stateRecognizedAbroad: true,
      recognitionInGermany: 'equivalent',
      completedOn: '2019-07-01',
      isco08: '2512',
      shortageOccupation: true,
    },
    experience: [{ from: '2019-08-01', to: '2026-02-28', isco08: '2512' }],
    languages: { german: 'A1', english: 'B2' },
    germanStayMonths: 0,
    adequatePensionProvision: false,
    spouseAppliesForChancenkarte: false,
    monthlyFundsEur: 1100,
    ...overrides.person,
  };
  const job: Job = {
    isco08: '2512',
    annualSalaryEur: 52000,
    qualified: true,
    matchesQualification: true,
    employerCollectiveAgreement: false,
    contractMonths: 24,
    weeklyHours: 40,
    regulatedPermit: 'not-required',
    ...overrides.job,
  };
  const profile: PathwayProfile = { date: overrides.date ?? '2026-03-01', person };
  if (overrides.job !== null) profile.job = job;
  if (overrides.education !== undefined) profile.education = overrides.education;
  return profile;
}

export function pathwayOf(result: PathwayResult, id: PathwayId): PathwayOutcome {
  const found = result.pathways.find((p) => p.id === id);
  if (found === undefined) throw new Error(`pathway ${id} missing`);
  return found;
}

export function evaluateOne(profile: PathwayProfile, id: PathwayId): PathwayOutcome {
  return pathwayOf(evaluatePathways(profile), id);
}

export function criterionOf(outcome: PathwayOutcome, id: string): Criterion | undefined {
  return outcome.criteria.find((c) => c.id === id);
}

/** Status of a criterion, or 'absent'. */
export function statusOf(outcome: PathwayOutcome, id: string): string {
  return criterionOf(outcome, id)?.status ?? 'absent';
}
