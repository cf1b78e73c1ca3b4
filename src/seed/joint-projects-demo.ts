/**
 * The demo's joint project (issue 17): Saxony, Saxony-Anhalt and Thuringia share the costs of a joint recruitment
 * fair in Vietnam by the Königstein key of 2016 (the newest year with the key of all six states in the research
 * data). The demo officer of Saxony started it two days ago and agreed for Saxony; the other two states have not
 * answered yet. Title and budget are invented.
 */
import { and, eq } from 'drizzle-orm';
import { jointProjectEvent, jointProjectState, storeProject } from '../features/joint-projects/index.ts';
import { findOrganisationBySlug } from '../features/people/index.ts';
import type { DbOrTx } from '../platform/db/client.ts';

const HOUR = 3_600_000;

export async function seedDemoJointProject(tx: DbOrTx, now: Date, officerPersonId: string): Promise<void> {
  const ministry = await findOrganisationBySlug(tx, 'demo-ministerium-sachsen');
  if (!ministry || !officerPersonId) return;
  const by = { personId: officerPersonId, organisationId: ministry.id };
  const created = await storeProject(
    tx,
    by,
    {
      title: 'Gemeinsamer Messeauftritt in Hanoi 2027 (Demo)',
      description:
        'Sachsen, Sachsen-Anhalt und Thüringen werben gemeinsam auf einer Fachkräftemesse in Hanoi um Pflegekräfte und Handwerker, mit einem gemeinsamen Stand und Sprachkursangeboten.',
      leadStateCode: 'SN',
      states: ['SN', 'ST', 'TH'],
      budgetCents: 24_000_000,
      keyKind: 'koenigstein',
      keyYear: '2016',
      weights: null,
    },
    new Date(now.getTime() - 48 * HOUR),
  );
  if (created.kind !== 'ok') return;
  const agreed = new Date(now.getTime() - 24 * HOUR);
  await tx
    .update(jointProjectState)
    .set({
      answer: 'agreed',
      answeredBy: by.personId,
      answeredByOrganisationId: by.organisationId,
      answeredAt: agreed,
    })
    .where(and(eq(jointProjectState.projectId, created.id), eq(jointProjectState.stateCode, 'SN')));
  await tx.insert(jointProjectEvent).values({
    projectId: created.id,
    kind: 'agreed',
    stateCode: 'SN',
    actorPersonId: by.personId,
    actorOrganisationId: by.organisationId,
    at: agreed,
  });
}
