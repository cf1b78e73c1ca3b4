import { randomBytes } from 'node:crypto';
import { count, like } from 'drizzle-orm';
import type { Role } from '../domain/access/roles.ts';
import {
  createOrganisation,
  createUser,
  grantConsent,
  type NewOrganisation,
  totpFor,
  withUntakenBodies,
} from '../features/identity/index.ts';
import { applicantProfile, findOrganisationBySlug, person } from '../features/people/index.ts';
import { healthAuthoritiesOf } from '../features/registry/index.ts';
import type { Database } from '../platform/db/client.ts';
import { seedDemoEmployers } from './employers-demo.ts';
import { seedDemoJointDraft } from './joint-drafts-demo.ts';
import { seedDemoJointProject } from './joint-projects-demo.ts';

export const DEMO_DOMAIN = 'demo.example.org';

/**
 * One organisation per kind, in realistic places; jurisdictions reference the state and district tables. The
 * demo's way is consistent: the job is in Leipzig (district "Leipzig, Stadt", 14713), where the applicant will
 * live, so recognition, § 81a and the residence permit go to Saxon bodies (the Leipzig foreigners' office, the
 * Saxon central foreigners' office, the Saxon recognition authority for nurses); Görlitz's office serves the
 * other demo journeys placed there.
 */
export const DEMO_ORGANISATIONS: readonly NewOrganisation[] = [
  {
    slug: 'demo-pflege-leipzig',
    name: 'Pflegedienst Auenwald GmbH, Leipzig (Demo)',
    kind: 'employer',
    seat: { stateCode: 'SN', districtAgs: '14713' },
    jurisdictions: [],
  },
  {
    slug: 'demo-beratung-dresden',
    name: 'Beratungszentrum Fachkräfteeinwanderung Dresden (Demo)',
    kind: 'counselling-centre',
    seat: { stateCode: 'SN', districtAgs: '14612' },
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'demo-anerkennung-sachsen',
    name: 'Anerkennungsstelle Gesundheitsberufe Sachsen (Demo)',
    kind: 'recognition-authority',
    seat: { stateCode: 'SN', districtAgs: '14511' },
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
    registryBodies: healthAuthoritiesOf('SN'),
  },
  {
    slug: 'demo-abh-leipzig',
    name: 'Ausländerbehörde Stadt Leipzig (Demo)',
    kind: 'foreigners-office',
    seat: { stateCode: 'SN', districtAgs: '14713' },
    jurisdictions: [{ scope: 'district', ags: '14713' }],
  },
  {
    slug: 'demo-abh-goerlitz',
    name: 'Ausländerbehörde Landkreis Görlitz (Demo)',
    kind: 'foreigners-office',
    seat: { stateCode: 'SN', districtAgs: '14626' },
    jurisdictions: [{ scope: 'district', ags: '14626' }],
  },
  {
    slug: 'demo-zab-sachsen',
    name: 'Zentrale Ausländerbehörde Sachsen (Demo)',
    kind: 'central-foreigners-office',
    seat: { stateCode: 'SN', districtAgs: '14612' },
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'demo-botschaft-new-delhi',
    name: 'Deutsche Botschaft New Delhi (Demo)',
    kind: 'mission',
    seat: { countryCode: 'IN' },
    jurisdictions: [
      { scope: 'country', countryCode: 'IN' },
      { scope: 'country', countryCode: 'NP' },
      { scope: 'country', countryCode: 'BT' },
    ],
  },
  {
    slug: 'demo-zav',
    name: 'Bundesagentur für Arbeit – ZAV (Demo)',
    kind: 'employment-agency',
    jurisdictions: [{ scope: 'nationwide' }],
  },
  {
    slug: 'demo-ministerium-sachsen',
    name: 'Sächsisches Staatsministerium für Wirtschaft und Arbeit (Demo)',
    kind: 'state-ministry',
    seat: { stateCode: 'SN', districtAgs: '14612' },
    jurisdictions: [{ scope: 'state', stateCode: 'SN' }],
  },
  {
    slug: 'demo-betrieb',
    name: 'Betrieb Chancenregion (Demo)',
    kind: 'operator',
    jurisdictions: [{ scope: 'nationwide' }],
  },
];

const DEMO_ACCOUNTS: readonly { local: string; name: string; role: Role; org?: string }[] = [
  { local: 'antragstellerin', name: 'Priya Nair', role: 'applicant' },
  { local: 'familie', name: 'Arjun Nair', role: 'family-member' },
  { local: 'arbeitgeber-admin', name: 'Katrin Weber', role: 'employer-admin', org: 'demo-pflege-leipzig' },
  { local: 'arbeitgeber', name: 'Jonas Richter', role: 'employer-member', org: 'demo-pflege-leipzig' },
  { local: 'beratung', name: 'Sevgi Yılmaz', role: 'counsellor', org: 'demo-beratung-dresden' },
  {
    local: 'anerkennung',
    name: 'Thomas Krause',
    role: 'recognition-officer',
    org: 'demo-anerkennung-sachsen',
  },
  { local: 'abh', name: 'Sabine Hoffmann', role: 'foreigners-office-caseworker', org: 'demo-abh-leipzig' },
  { local: 'botschaft', name: 'Lena Becker', role: 'mission-officer', org: 'demo-botschaft-new-delhi' },
  { local: 'ba', name: 'Michael Schulz', role: 'employment-agency-officer', org: 'demo-zav' },
  { local: 'ministerium', name: 'Andrea Wolf', role: 'ministry-officer', org: 'demo-ministerium-sachsen' },
  { local: 'admin', name: 'Betrieb Admin', role: 'administrator', org: 'demo-betrieb' },
];

export interface DemoAccount {
  email: string;
  role: Role;
  password: string;
  totpUri: string | null;
}

export class DemoRefusedError extends Error {
  constructor() {
    super('Demo accounts are refused when NODE_ENV=production.');
    this.name = 'DemoRefusedError';
  }
}

function passphrase(): string {
  const words = [
    'elbe',
    'saale',
    'havel',
    'spree',
    'oder',
    'neisse',
    'mulde',
    'unstrut',
    'werra',
    'peene',
    'warnow',
    'ilm',
  ];
  const bytes = randomBytes(5);
  return (
    [...bytes.subarray(0, 4)].map((b) => words[b % words.length]).join('-') +
    String(100 + ((bytes[4] ?? 0) % 900))
  );
}

export async function hasAnyPerson(db: Database): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(person);
  return (row?.n ?? 0) > 0;
}

/**
 * Creates the demo organisations and one account per role with fresh passwords (and TOTP for
 * authority roles), returned once for printing. Idempotent: does nothing if demo data exists.
 */
export async function seedDemo(db: Database, nodeEnv: string, now: Date): Promise<DemoAccount[] | null> {
  if (nodeEnv === 'production') throw new DemoRefusedError();
  const [existing] = await db
    .select({ n: count() })
    .from(person)
    .where(like(person.email, `%@${DEMO_DOMAIN}`));
  if ((existing?.n ?? 0) > 0) return null;
  return db.transaction(async (tx) => {
    for (const org of DEMO_ORGANISATIONS) {
      if (!(await findOrganisationBySlug(tx, org.slug)))
        await createOrganisation(tx, await withUntakenBodies(tx, org), now, null);
    }
    const out: DemoAccount[] = [];
    let applicantId = '';
    const personOf: Partial<Record<Role, string>> = {};
    for (const a of DEMO_ACCOUNTS) {
      const email = `${a.local}@${DEMO_DOMAIN}`;
      const password = passphrase();
      const withTotp = [
        'recognition-officer',
        'foreigners-office-caseworker',
        'mission-officer',
        'employment-agency-officer',
        'ministry-officer',
        'administrator',
      ].includes(a.role);
      const { personId, totpSecret } = await createUser(
        tx,
        {
          email,
          displayName: a.name,
          password,
          role: a.role,
          organisationSlug: a.org,
          verified: true,
          withTotp,
        },
        now,
      );
      if (a.role === 'applicant') applicantId = personId;
      personOf[a.role] ??= personId;
      out.push({
        email,
        role: a.role,
        password,
        totpUri: totpSecret ? totpFor(totpSecret, email).toString() : null,
      });
    }
    // The applicant applies from India, will live in Leipzig where her job is, and shares her data with the
    // counselling centre.
    await tx
      .insert(applicantProfile)
      .values({ personId: applicantId, residenceAgs: '14713', countryCode: 'IN', nationality: 'IN' });
    const centre = await findOrganisationBySlug(tx, 'demo-beratung-dresden');
    if (centre) await grantConsent(tx, applicantId, centre.id, now);
    await seedDemoEmployers(tx, now, {
      officerPersonId: personOf['ministry-officer'] ?? '',
      employerAdminPersonId: personOf['employer-admin'] ?? '',
    });
    await seedDemoJointProject(tx, now, personOf['ministry-officer'] ?? '');
    await seedDemoJointDraft(tx, now, personOf['ministry-officer'] ?? '');
    return out;
  });
}

export function formatDemoAccounts(accounts: readonly DemoAccount[]): string {
  const lines = [
    'Demo accounts (shown only now; sign in at /de/anmelden):',
    ...accounts.map(
      (a) =>
        `  ${a.role.padEnd(30)} ${a.email.padEnd(42)} ${a.password}${a.totpUri ? `\n  ${''.padEnd(30)} TOTP: ${a.totpUri}` : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
