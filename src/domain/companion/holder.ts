/**
 * The § 104c companion (issue 18): a holder's facts as an engine profile, the clock to the permit's expiry, and
 * the conditions of § 25a and § 25b as the engine states them on a date — met, open or needs evidence. The law
 * is the engine's (src/domain/law); nothing here decides a condition.
 */
import { daysBetween, type IsoDate } from '../calendar.ts';
import type {
  CriterionStatus,
  LanguageLevel,
  Criterion as LawCriterion,
  Outcome,
  PathwayProfile,
  PathwayResult,
} from '../law/index.ts';

/** What a holder keeps about themself; null = not (yet) said. */
export interface HolderFacts {
  readonly birthDate: IsoDate;
  readonly permitGrantedOn: IsoDate;
  readonly permitExpiresOn: IsoDate;
  readonly inGermanySince: IsoDate | null;
  readonly german: LanguageLevel | null;
  readonly livelihoodMainlyFromWork: boolean | null;
  readonly livesWithMinorChild: boolean | null;
  readonly germanSchoolOrQualification: boolean | null;
}

/** The engine's profile of a holder in Germany with a § 104c permit since it was granted, on `date`. */
export function holderProfile(facts: HolderFacts, date: IsoDate): PathwayProfile {
  const person: PathwayProfile['person'] = {
    birthDate: facts.birthDate,
    location: 'germany',
    status: 'aufenthg-104c',
    statusSince: facts.permitGrantedOn,
    inGermanySince: facts.inGermanySince,
  };
  if (facts.german !== null) person.languages = { german: facts.german };
  if (facts.livelihoodMainlyFromWork !== null)
    person.livelihoodMainlyFromWork = facts.livelihoodMainlyFromWork;
  if (facts.livesWithMinorChild !== null) person.livesWithMinorChild = facts.livesWithMinorChild;
  const profile: PathwayProfile = { date, person };
  if (facts.germanSchoolOrQualification !== null)
    profile.education = { germanSchoolOrQualification: facts.germanSchoolOrQualification };
  return profile;
}

/** Where the permit stands on a day: days left, the last day, or expired since some days. */
export type PermitClock =
  | { readonly kind: 'running'; readonly days: number; readonly weeks: number }
  | { readonly kind: 'last-day' }
  | { readonly kind: 'expired'; readonly days: number };

/** The permit's clock on `today` (the expiry date is the permit's last valid day). */
export function permitClock(expiresOn: IsoDate, today: IsoDate): PermitClock {
  const days = daysBetween(today, expiresOn);
  if (days > 0) return { kind: 'running', days, weeks: Math.floor(days / 7) };
  if (days === 0) return { kind: 'last-day' };
  return { kind: 'expired', days: -days };
}

/** A condition as the companion shows it: the engine's met, unmet (open) or unknown (needs evidence). */
export type ConditionState = 'met' | 'open' | 'needs-evidence';

export const CONDITION_STATE: Readonly<Record<CriterionStatus, ConditionState>> = {
  met: 'met',
  unmet: 'open',
  unknown: 'needs-evidence',
};

export type CompanionPathwayId = 'aufenthg-25a' | 'aufenthg-25b';
export const COMPANION_PATHWAYS: readonly CompanionPathwayId[] = ['aufenthg-25a', 'aufenthg-25b'];

export interface CompanionCondition {
  readonly criterion: LawCriterion;
  readonly state: ConditionState;
}

export interface CompanionPathway {
  readonly id: CompanionPathwayId;
  readonly outcome: Outcome;
  readonly conditions: readonly CompanionCondition[];
}

/** The § 25a and § 25b conditions of an engine result (the in-force check is the law's, not a condition). */
export function companionPathways(result: PathwayResult): CompanionPathway[] {
  return COMPANION_PATHWAYS.map((id) => {
    const p = result.pathways.find((x) => x.id === id);
    if (!p) throw new Error(`the engine has no pathway ${id}`);
    return {
      id,
      outcome: p.outcome,
      conditions: p.criteria
        .filter((c) => c.id !== 'in-force')
        .map((criterion) => ({ criterion, state: CONDITION_STATE[criterion.status] })),
    };
  });
}

/** The reminders before the permit runs out, by the days left on which they become due. */
export const REMINDERS = [
  { kind: 'two-weeks', days: 14 },
  { kind: 'six-weeks', days: 42 },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]['kind'];

/**
 * The reminder due on `today`: two weeks (14 days or fewer left), else six weeks (42 or fewer), else none; none
 * once the permit has run out. A holder who enters their dates late gets only the nearer one.
 */
export function dueReminder(expiresOn: IsoDate, today: IsoDate): ReminderKind | null {
  const left = daysBetween(today, expiresOn);
  if (left < 0) return null;
  return REMINDERS.find((r) => left <= r.days)?.kind ?? null;
}
