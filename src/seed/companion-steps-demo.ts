/**
 * What the demo shows of the companion's later parts (issue 18): the Berlin holder (every § 25b condition met, 12
 * days left) has begun the move to § 25b — a journey whose residence-permit step he has handed in, so it waits in
 * the Berlin foreigners' office's queue; the Saxon holder has a case at the demo counselling centre, so its case
 * list links to her companion; and the Saxon ministry officer has changed one Saxon offer (version 2 in its
 * history). Through the features' own commands, so everything is audited as it would be. Idempotent.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../domain/access/policy.ts';
import { offerValues } from '../domain/companion/offer-edit.ts';
import { changeOffer, offerById, transitionOf } from '../features/companion/index.ts';
import { createCounsellingService } from '../features/counselling/index.ts';
import { createJourneyService } from '../features/journey/index.ts';
import { todayIso } from '../features/pathways/index.ts';
import { findOrganisationBySlug, person } from '../features/people/index.ts';
import { createRegistrySnapshot } from '../features/registry/index.ts';
import type { Database } from '../platform/db/client.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';

/** The Saxon offer the demo officer corrects. */
const CHANGED_OFFER = 'sn-arbeitsmarktmentoren';

async function personByLocal(db: Database, local: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `${local}@${DEMO_DOMAIN}`));
  return row?.id;
}

/** Returns what it added, in words for the seed's log. */
export async function seedCompanionStepsDemo(db: Database, now: Date): Promise<string[]> {
  const done: string[] = [];
  const holder = await personByLocal(db, 'holder-berlin');
  if (holder && !(await transitionOf(db, holder))) {
    const journeys = createJourneyService(db, { now: () => now, registry: createRegistrySnapshot(db) });
    const actor: Actor = {
      personId: holder,
      memberships: [{ role: 'applicant', organisationId: null, jurisdictions: [] }],
    };
    const opened = await journeys.open(actor, {
      facts: {
        pathway: 'aufenthg-25b',
        qualification: { kind: 'none', regulation: 'not-regulated' },
        employerUses81a: false,
        location: 'germany',
      },
      occupation: null,
      place: { stateCode: 'BE', districtAgs: '11000', countryCode: null },
    });
    await journeys.command(actor, opened.body.journeyId, { type: 'submit', step: 'residence-permit' });
    done.push('a holder handed in the move to § 25b at the Berlin foreigners’ office');
  }
  const saxon = await personByLocal(db, 'holder-sachsen');
  const counsellor = await personByLocal(db, 'beratung');
  const centre = await findOrganisationBySlug(db, 'demo-beratung-dresden');
  if (saxon && counsellor && centre) {
    const cases = createCounsellingService(db);
    const m = { role: 'counsellor' as const, organisationId: centre.id, jurisdictions: [] };
    const existing = await cases.list(m, counsellor, now);
    if (!existing.some((c) => c.applicantPersonId === saxon)) {
      await cases.create(
        m,
        counsellor,
        {
          stateCode: 'SN',
          openedOn: todayIso(now),
          topic: 'chancen-aufenthaltsrecht',
          applicantPersonId: saxon,
          referrals: ['language-course'],
          outcome: 'open',
          closedOn: '',
        },
        now,
      );
      done.push('a counselling case links to the Saxon holder’s companion');
    }
  }
  const officer = await personByLocal(db, 'ministerium');
  const ministry = await findOrganisationBySlug(db, 'demo-ministerium-sachsen');
  const offer = await offerById(db, CHANGED_OFFER);
  if (officer && ministry && offer?.version === 1) {
    const actor: Actor = {
      personId: officer,
      memberships: [
        {
          role: 'ministry-officer',
          organisationId: ministry.id,
          jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
        },
      ],
    };
    const values = {
      ...offerValues(offer),
      languages: 'German, English, Arabic, Farsi',
      costDe: 'kostenlos',
      costEn: 'free of charge',
    };
    const r = await changeOffer(
      db,
      actor,
      offer.id,
      1,
      values,
      'Sprachen und Kosten laut Projektseite ergänzt',
      now,
    );
    if (r === 'ok') done.push('a Saxon offer has a second version');
  }
  return done;
}
