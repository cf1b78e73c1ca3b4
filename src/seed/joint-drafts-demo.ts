/**
 * The demo's joint draft in sign-off (issue 17): Saxony, Saxony-Anhalt and Thuringia prepare a resolution proposal
 * for the Conference of Labour and Social Affairs Ministers. Saxony wrote version 1 and agreed to it; Thuringia
 * commented on a paragraph and wrote version 2 (which set the sign-offs back to open); Saxony agreed to version 2,
 * Thuringia agreed with remarks, Saxony-Anhalt has not signed yet. The deadline is ten days ahead. The text is invented.
 */
import { eq } from 'drizzle-orm';
import { addDays } from '../domain/calendar.ts';
import {
  jointDraftComment,
  jointDraftSignOff,
  jointDraftVersion,
  storeDraft,
} from '../features/joint-drafts/index.ts';
import { findOrganisationBySlug } from '../features/people/index.ts';
import type { DbOrTx } from '../platform/db/client.ts';

const HOUR = 3_600_000;

const V1 = [
  'Die Arbeits- und Sozialministerkonferenz bittet die Bundesregierung, die Anerkennung ausländischer Berufsabschlüsse zu beschleunigen.',
  'Die ostdeutschen Länder richten dazu eine gemeinsame Servicestelle für Anerkennungsverfahren ein.',
].join('\n\n');

const V2 = [
  'Die Arbeits- und Sozialministerkonferenz bittet die Bundesregierung, die Anerkennung ausländischer Berufsabschlüsse zu beschleunigen.',
  'Die ostdeutschen Länder richten dazu bis Ende 2027 eine gemeinsame Servicestelle für Anerkennungsverfahren ein; der Bund beteiligt sich zur Hälfte an den Kosten.',
  'Die Länder berichten der Konferenz jährlich über Zahl und Dauer der Verfahren.',
].join('\n\n');

export async function seedDemoJointDraft(tx: DbOrTx, now: Date, officerPersonId: string): Promise<void> {
  const saxony = await findOrganisationBySlug(tx, 'demo-ministerium-sachsen');
  if (!saxony || !officerPersonId) return;
  // Thuringia's demo ministry exists when the demo activities were seeded first; else the page names the state.
  const thuringia = (await findOrganisationBySlug(tx, 'demo-ministerium-thueringen'))?.id ?? null;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const today = now.toISOString().slice(0, 10);
  const id = await storeDraft(
    tx,
    { personId: officerPersonId, organisationId: saxony.id, own: 'SN' },
    {
      kind: 'resolution',
      title: 'Anerkennung ausländischer Berufsabschlüsse beschleunigen (Demo)',
      target: 'asmk',
      targetDate: addDays(today, 21),
      deadline: addDays(today, 10),
      states: ['SN', 'ST', 'TH'],
      text: V1,
    },
    at(96),
  );
  const [v1] = await tx
    .select({ id: jointDraftVersion.id })
    .from(jointDraftVersion)
    .where(eq(jointDraftVersion.draftId, id));
  if (!v1) return;
  const sn = { personId: officerPersonId, organisationId: saxony.id, stateCode: 'SN', draftId: id };
  const th = { personId: null, organisationId: thuringia, stateCode: 'TH', draftId: id };
  await tx.insert(jointDraftSignOff).values({ ...sn, versionId: v1.id, decision: 'agree', at: at(72) });
  await tx.insert(jointDraftComment).values({
    versionId: v1.id,
    paragraph: 2,
    stateCode: 'TH',
    body: 'Wer trägt die Kosten der Servicestelle?',
    organisationId: thuringia,
    createdAt: at(60),
  });
  const [v2] = await tx
    .insert(jointDraftVersion)
    .values({
      draftId: id,
      number: 2,
      body: V2,
      stateCode: 'TH',
      createdBy: null,
      organisationId: thuringia,
      createdAt: at(48),
    })
    .returning({ id: jointDraftVersion.id });
  if (!v2) return;
  await tx.insert(jointDraftSignOff).values([
    { ...sn, versionId: v2.id, decision: 'agree', at: at(24) },
    {
      ...th,
      versionId: v2.id,
      decision: 'agree-with-remarks',
      remarks: 'Kostenbeteiligung des Bundes im Protokoll festhalten.',
      at: at(20),
    },
  ]);
}
