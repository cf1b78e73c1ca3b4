/**
 * Chancenkarte points (§ 20b Abs. 1 AufenthG, Anlage zu § 20a Abs. 3 Nr. 2). Pure; reused by the engine.
 * Unknown facts give 0 points but count towards `maxPossible`. Features 8–11 rest on wording the memo marks
 * UNVERIFIED (Engpassberuf definition, age cut-offs, prior-stay counting): their items carry verified: false.
 */
import type { IsoDate } from '../calendar.ts';
import { createContext, type EvaluationContext } from './context.ts';
import { isShortageOccupation } from './occupations.ts';
import type { CriterionStatus, PathwayProfile, PointsBreakdown, PointsItem } from './types.ts';

function item(nr: number, id: string, points: number, status: CriterionStatus, verified = true): PointsItem {
  return {
    nr,
    id,
    points: status === 'met' ? points : 0,
    status,
    potential: status === 'unmet' ? 0 : points,
    verified,
  };
}

function shortage(ctx: EvaluationContext): boolean | undefined {
  const q = ctx.person.qualification;
  if (q?.shortageOccupation !== undefined) return q.shortageOccupation;
  return q?.isco08 === undefined ? undefined : isShortageOccupation(q.isco08);
}

function status(fact: boolean | undefined): CriterionStatus {
  return fact === undefined ? 'unknown' : fact ? 'met' : 'unmet';
}

/** German: B2 → 3 (Nr. 2), B1 → 2 (Nr. 3), A2 → 1 (Nr. 4); mutually exclusive. */
function germanItem(rank: number | undefined): PointsItem {
  if (rank === undefined) return item(2, 'german', 3, 'unknown');
  if (rank >= 4) return item(2, 'german-b2', 3, 'met');
  if (rank === 3) return item(3, 'german-b1', 2, 'met');
  if (rank === 2) return item(4, 'german-a2', 1, 'met');
  return item(2, 'german', 3, 'unmet');
}

/** Experience: ≥ 5 of the last 7 years → 3 (Nr. 6), ≥ 2 of the last 5 years → 2 (Nr. 7). */
function experienceItem(ctx: EvaluationContext): PointsItem {
  const e5 = ctx.experience5;
  const e7 = ctx.experience7;
  if (e5 === undefined || e7 === undefined) return item(6, 'experience', 3, 'unknown');
  if (e7.definite >= 5 * 365) return item(6, 'experience-5-of-7', 3, 'met');
  if (e5.definite >= 2 * 365) return item(7, 'experience-2-of-5', 2, 'met');
  return item(6, 'experience', 3, 'unmet');
}

/** Age under 35 → 2 (Nr. 9), 35 to under 40 → 1 (Nr. 10). */
function ageItem(age: number): PointsItem {
  if (age < 35) return item(9, 'age-under-35', 2, 'met', false);
  if (age < 40) return item(10, 'age-under-40', 1, 'met', false);
  return item(9, 'age', 2, 'unmet', false);
}

export function pointsFromContext(ctx: EvaluationContext): PointsBreakdown {
  const p = ctx.person;
  const recognition = p.qualification?.recognitionInGermany;
  const stay = p.germanStayMonths;
  const items: PointsItem[] = [
    item(
      1,
      'partial-recognition',
      4,
      recognition === undefined ? 'unknown' : recognition === 'partial' ? 'met' : 'unmet',
    ),
    germanItem(ctx.german),
    item(5, 'english-c1', 1, ctx.english === undefined ? 'unknown' : ctx.english >= 5 ? 'met' : 'unmet'),
    experienceItem(ctx),
    item(8, 'shortage-occupation', 1, status(shortage(ctx)), false),
    ageItem(ctx.age),
    item(11, 'stay-in-germany', 1, stay === undefined ? 'unknown' : stay >= 6 ? 'met' : 'unmet', false),
    item(12, 'spouse', 1, status(p.spouseAppliesForChancenkarte)),
  ];
  let total = 0;
  let maxPossible = 0;
  for (const i of items) {
    total += i.points;
    maxPossible += i.potential;
  }
  return { total, maxPossible, minimum: ctx.params['chancenkarte.points.minimum']?.value ?? null, items };
}

/** Chancenkarte points with the full breakdown for `profile` on `date` (defaults to `profile.date`). */
export function chancenkartePoints(profile: PathwayProfile, date: IsoDate = profile.date): PointsBreakdown {
  return pointsFromContext(createContext(date === profile.date ? profile : { ...profile, date }));
}
