/**
 * The ready check of a request (issue 15, V2.3): the standard checklist of the request's step (the version in force,
 * for the pathway of the person's journey) against the document categories the person shares with the service
 * point. A required document not shared keeps the request from becoming ready; the staff page shows the same.
 */
import { eq, inArray } from 'drizzle-orm';
import type { StepKind } from '../../domain/journey/types.ts';
import type { PathwayId } from '../../domain/law/types.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import {
  type ChecklistLine,
  type ChecklistService,
  missingRequired,
  sharedCategories,
} from '../documents/index.ts';
import { journey } from '../journey/index.ts';
import { SERVICE_TYPE_INFO } from './calendar.ts';
import type { ServiceType } from './schema.ts';

export type ReadyCheck = {
  /** The version of the step's checklist checked against. */
  readonly version: number;
  readonly items: readonly ChecklistLine[];
  /** The checklist's categories shared with the service point. */
  readonly shared: readonly string[];
  /** The required categories not shared. */
  readonly missing: readonly string[];
};

type Checked = {
  readonly personId: string;
  readonly journeyId: string;
  readonly organisationId: string;
  readonly serviceType: string;
};

/** The pathways of the journeys, keyed by journey id (one query). */
export async function pathwaysOf(db: DbOrTx, journeyIds: readonly string[]): Promise<Map<string, PathwayId>> {
  if (journeyIds.length === 0) return new Map();
  const rows = await db
    .select({ id: journey.id, pathway: journey.pathway })
    .from(journey)
    .where(inArray(journey.id, [...new Set(journeyIds)]));
  return new Map(rows.map((r) => [r.id, r.pathway as PathwayId]));
}

/** The ready check of one request; `pathway` when already known (the staff page reads them together). */
export async function readyCheck(
  db: DbOrTx,
  checklists: ChecklistService,
  r: Checked,
  pathway?: PathwayId,
): Promise<ReadyCheck> {
  const kind = SERVICE_TYPE_INFO[r.serviceType as ServiceType].step as StepKind;
  let p = pathway;
  if (p === undefined) {
    const [row] = await db
      .select({ pathway: journey.pathway })
      .from(journey)
      .where(eq(journey.id, r.journeyId));
    p = row?.pathway as PathwayId | undefined;
  }
  const checklist = await checklists.current(kind, p ?? null);
  const shared = await sharedCategories(db, r.personId, r.organisationId);
  return {
    version: checklist.version,
    items: checklist.items,
    shared: checklist.items.filter((i) => shared.has(i.category)).map((i) => i.category),
    missing: missingRequired(checklist.items, shared),
  };
}
