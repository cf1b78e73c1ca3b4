/**
 * The demo's employers (issue 16): the Leipzig care service, confirmed by the demo ministry officer of Saxony after
 * checking the commercial register, and a joinery in Görlitz that registered and waits in Saxony's queue. Register
 * numbers and addresses are invented.
 */
import { employerProfile, employerTrustDecision } from '../features/employers/index.ts';
import { createOrganisation } from '../features/identity/index.ts';
import { findOrganisationBySlug } from '../features/people/index.ts';
import type { DbOrTx } from '../platform/db/client.ts';

const HOUR = 3_600_000;

export async function seedDemoEmployers(
  tx: DbOrTx,
  now: Date,
  people: { officerPersonId: string; employerAdminPersonId: string },
): Promise<void> {
  const care = await findOrganisationBySlug(tx, 'demo-pflege-leipzig');
  const ministry = await findOrganisationBySlug(tx, 'demo-ministerium-sachsen');
  if (!care || !ministry) return;
  const registered = new Date(now.getTime() - 72 * HOUR);
  const confirmed = new Date(now.getTime() - 48 * HOUR);
  await tx.insert(employerProfile).values({
    organisationId: care.id,
    street: 'Auenstraße 5',
    postcode: '04105',
    town: 'Leipzig',
    districtAgs: '14713',
    registerCourt: 'Amtsgericht Leipzig',
    registerNumber: 'HRB 98765',
    registerKey: 'leipzig|HRB 98765',
    publicKind: null,
    sizeBand: '50-249',
    trust: 'confirmed',
    trustChangedAt: confirmed,
    registeredBy: people.employerAdminPersonId,
    createdAt: registered,
  });
  await tx.insert(employerTrustDecision).values({
    organisationId: care.id,
    decision: 'confirm',
    reason: 'Handelsregister geprüft: Firma, Sitz und Geschäftsführung stimmen.',
    officerPersonId: people.officerPersonId,
    officerOrganisationId: ministry.id,
    decidedAt: confirmed,
  });
  const joineryId =
    (await findOrganisationBySlug(tx, 'demo-tischlerei-goerlitz'))?.id ??
    (await createOrganisation(
      tx,
      {
        slug: 'demo-tischlerei-goerlitz',
        name: 'Tischlerei Neißetal GmbH, Görlitz (Demo)',
        kind: 'employer',
        seat: { stateCode: 'SN', districtAgs: '14626', countryCode: 'DE' },
        jurisdictions: [],
      },
      now,
      null,
    ));
  await tx.insert(employerProfile).values({
    organisationId: joineryId,
    street: 'Am Neißeufer 3',
    postcode: '02826',
    town: 'Görlitz',
    districtAgs: '14626',
    registerCourt: 'Amtsgericht Dresden',
    registerNumber: 'HRB 47110',
    registerKey: 'dresden|HRB 47110',
    publicKind: null,
    sizeBand: '1-9',
    trust: 'unconfirmed',
    trustChangedAt: new Date(now.getTime() - 5 * HOUR),
    registeredBy: null,
    createdAt: new Date(now.getTime() - 5 * HOUR),
  });
}
