/**
 * The residence pathways a job ad opens (issue 16): the law engine evaluated on the ad's start date with its
 * salary (the lower end of a range), occupation, hours and contract, for three typical applicants abroad — a
 * university degree, a vocational qualification recognised in Germany, one not yet recognised. Thresholds are the
 * engine's effective-dated parameters; a year whose thresholds are not published gives "possible", never a guess.
 */
import { addYears } from '../calendar.ts';
import {
  evaluateSomePathways,
  type PathwayId,
  type PathwayProfile,
  type Qualification,
} from '../law/index.ts';
import type { JobAdInput } from './ad.ts';

export const APPLICANT_PROFILES = ['degree', 'vocational-recognised', 'vocational-not-recognised'] as const;
export type ApplicantProfile = (typeof APPLICANT_PROFILES)[number];

/** The pathways that rest on a job offer; the others (study, job search, tolerated stays) do not depend on an ad. */
export const JOB_PATHWAYS = [
  'aufenthg-18g',
  'aufenthg-18g-it',
  'aufenthg-18b',
  'aufenthg-18a',
  'aufenthg-19c-2',
  'aufenthg-16d-3',
] as const satisfies readonly PathwayId[];
export type JobPathway = (typeof JOB_PATHWAYS)[number];

/** One pathway the ad opens for one kind of applicant: `eligible` on the facts, or `possible` (a fact open). */
export type AdPathway = { profile: ApplicantProfile; pathway: JobPathway; outcome: 'eligible' | 'possible' };

export type AdFacts = Pick<
  JobAdInput,
  'salaryMinEur' | 'weeklyHours' | 'contractMonths' | 'germanLevel' | 'englishLevel' | 'startDate'
> & {
  isco08: string;
  regulated: boolean;
  collectiveAgreement: boolean;
};

function qualification(profile: ApplicantProfile, ad: AdFacts): Qualification {
  const completedOn = addYears(ad.startDate, -6);
  if (profile === 'degree')
    return {
      kind: 'academic',
      trainingYears: 4,
      stateRecognizedAbroad: true,
      recognitionInGermany: 'equivalent',
      completedOn,
      isco08: ad.isco08,
    };
  return {
    kind: 'vocational',
    trainingYears: 3,
    stateRecognizedAbroad: true,
    recognitionInGermany: profile === 'vocational-recognised' ? 'equivalent' : 'not-applied',
    completedOn,
    isco08: ad.isco08,
  };
}

/** The ad's job as the engine reads it; `recognised` says whether the applicant's qualification is recognised. */
function jobOf(ad: AdFacts, recognised: boolean): NonNullable<PathwayProfile['job']> {
  return {
    isco08: ad.isco08,
    annualSalaryEur: ad.salaryMinEur,
    qualified: true,
    matchesQualification: true,
    employerCollectiveAgreement: ad.collectiveAgreement,
    contractMonths: ad.contractMonths ?? 120,
    weeklyHours: ad.weeklyHours,
    regulatedPermit: !ad.regulated ? 'not-required' : recognised ? 'granted' : 'missing',
    recognitionPartnershipAgreement: recognised ? false : undefined,
  };
}

/** The hypothetical applicant for one profile: 30 years old, abroad, five years' experience in the occupation. */
export function profileFor(profile: ApplicantProfile, ad: AdFacts): PathwayProfile {
  const recognised = profile !== 'vocational-not-recognised';
  return {
    date: ad.startDate,
    person: {
      birthDate: addYears(ad.startDate, -30),
      location: 'abroad',
      status: 'none',
      statusSince: null,
      qualification: qualification(profile, ad),
      experience: [{ from: addYears(ad.startDate, -5), to: ad.startDate, isco08: ad.isco08 }],
      languages: {
        german: ad.germanLevel,
        english: ad.englishLevel === 'none' ? 'B1' : ad.englishLevel,
      },
      germanStayMonths: 0,
      adequatePensionProvision: true,
    },
    job: jobOf(ad, recognised),
  };
}

const JOB_PATHWAY_SET: ReadonlySet<PathwayId> = new Set(JOB_PATHWAYS);

const isJobPathway = (id: PathwayId): id is JobPathway => (JOB_PATHWAYS as readonly PathwayId[]).includes(id);

/** The pathways the ad opens, per applicant profile, in the order of the profiles and of JOB_PATHWAYS. */
export function adPathways(ad: AdFacts): AdPathway[] {
  const out: AdPathway[] = [];
  for (const profile of APPLICANT_PROFILES) {
    const result = evaluateSomePathways(profileFor(profile, ad), JOB_PATHWAY_SET);
    for (const id of JOB_PATHWAYS) {
      const p = result.find((x) => x.id === id);
      if (!p || !isJobPathway(p.id) || p.outcome === 'not-eligible') continue;
      out.push({ profile, pathway: id, outcome: p.outcome === 'eligible' ? 'eligible' : 'possible' });
    }
  }
  return out;
}

/** The distinct pathways of a list, in the order of JOB_PATHWAYS (for the search filter). */
export const pathwayIdsOf = (list: readonly AdPathway[]): JobPathway[] =>
  JOB_PATHWAYS.filter((id) => list.some((p) => p.pathway === id));

/**
 * A real person's own profile (from their answers) with this ad as their job offer, evaluated on the ad's start
 * date or `today`, whichever is later ("could this job work for me?"). A regulated occupation's permit counts as
 * granted only when the person's qualification is recognised and in the ad's occupation group. The job matches their qualification when both are in the same
 * occupation group (the first three ISCO digits); otherwise that fact stays open for the authority to judge.
 */
export function withAdJob(own: PathwayProfile, ad: AdFacts, today: string): PathwayProfile {
  const q = own.person.qualification;
  const sameGroup = q?.isco08 !== undefined && q.isco08.slice(0, 3) === ad.isco08.slice(0, 3);
  const { matchesQualification: _, ...job } = jobOf(
    ad,
    sameGroup && q?.recognitionInGermany === 'equivalent',
  );
  return {
    ...own,
    date: ad.startDate > today ? ad.startDate : today,
    job: sameGroup ? { ...job, matchesQualification: true } : job,
  };
}

/** The outcomes of the job pathways only, in the order of JOB_PATHWAYS (the other ways do not depend on the ad). */
export function jobPathwaysOf<T extends { id: PathwayId }>(pathways: readonly T[]): T[] {
  return JOB_PATHWAYS.flatMap((id) => pathways.filter((p) => p.id === id));
}
