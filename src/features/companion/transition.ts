/**
 * The move from the Chancen-Aufenthaltsrecht to § 25a or § 25b as a journey step (issue 18): the holder chooses
 * the title and their district; the journey feature opens a journey on that pathway in Germany through its public
 * command (`JourneyService.open`), which plans the residence-permit step and gives it to the foreigners' office the
 * registry finds competent for the district, with the standard checklist of the step for the title. The companion
 * stores nothing of its own: the transition is the holder's latest open § 25a/§ 25b journey.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../domain/access/policy.ts';
import type { CompanionPathwayId } from '../../domain/companion/holder.ts';
import { COMPANION_PATHWAYS } from '../../domain/companion/holder.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { JourneyRefusal, type JourneyService, journey } from '../journey/index.ts';
import { district } from '../regions/index.ts';
import type { HolderRow } from './service.ts';

export type TransitionField = 'pathway' | 'districtAgs';
export type TransitionInput = Record<TransitionField, string>;
export type TransitionRefusal = { field: TransitionField; rule: string; messageKey?: string };

export interface Transition {
  readonly journeyId: string;
  readonly pathway: CompanionPathwayId;
  readonly districtAgs: string | null;
}

export const transitionInput = (body: unknown): TransitionInput => {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');
  return { pathway: s(b.pathway), districtAgs: s(b.districtAgs) };
};

/** The holder's transition: their latest § 25a/§ 25b journey of their own (not a family member's). */
export async function transitionOf(db: DbOrTx, personId: string): Promise<Transition | undefined> {
  const [row] = await db
    .select({ id: journey.id, pathway: journey.pathway, districtAgs: journey.targetDistrictAgs })
    .from(journey)
    .where(
      and(
        eq(journey.applicantId, personId),
        inArray(journey.pathway, [...COMPANION_PATHWAYS]),
        isNull(journey.linkedTo),
      ),
    )
    .orderBy(desc(journey.openedAt))
    .limit(1);
  return row
    ? { journeyId: row.id, pathway: row.pathway as CompanionPathwayId, districtAgs: row.districtAgs }
    : undefined;
}

/** The districts of a state, by name (for the form). */
export function districtsOf(db: DbOrTx, stateCode: string) {
  return db
    .select({ ags: district.ags, name: district.name })
    .from(district)
    .where(eq(district.stateCode, stateCode))
    .orderBy(district.name);
}

/**
 * Opens the transition journey for the holder; the journey's id, or every refusal naming its field (a district
 * outside the holder's state, a title that is not § 25a/§ 25b, no competent office: the journey's refusal).
 */
export async function openTransition(
  db: DbOrTx,
  journeys: JourneyService,
  actor: Actor,
  row: HolderRow,
  input: TransitionInput,
): Promise<{ ok: true; journeyId: string } | { ok: false; errors: TransitionRefusal[] }> {
  const errors: TransitionRefusal[] = [];
  if (input.pathway === '') errors.push({ field: 'pathway', rule: 'required' });
  else if (!(COMPANION_PATHWAYS as readonly string[]).includes(input.pathway))
    errors.push({ field: 'pathway', rule: 'choice' });
  if (input.districtAgs === '') errors.push({ field: 'districtAgs', rule: 'required' });
  else if (!(await districtsOf(db, row.stateCode)).some((d) => d.ags === input.districtAgs))
    errors.push({ field: 'districtAgs', rule: 'choice' });
  if (errors.length > 0) return { ok: false, errors };
  try {
    const result = await journeys.open(actor, {
      facts: {
        pathway: input.pathway as CompanionPathwayId,
        qualification: { kind: 'none', regulation: 'not-regulated' },
        employerUses81a: false,
        location: 'germany',
      },
      occupation: null,
      place: { stateCode: row.stateCode, districtAgs: input.districtAgs, countryCode: null },
    });
    return { ok: true, journeyId: result.body.journeyId };
  } catch (error) {
    if (!(error instanceof JourneyRefusal)) throw error;
    const field: TransitionField = error.refusal.field === 'pathway' ? 'pathway' : 'districtAgs';
    return {
      ok: false,
      errors: [{ field, rule: error.refusal.code, messageKey: error.refusal.messageKey }],
    };
  }
}
