/**
 * Demo talent pool (`seed --demo`, issue 16, V4): thirty invented applicants in the pools of the six states, each
 * with some facts released and some not, and the demo applicant (Priya Nair) in all six pools with a contact
 * request from the Saxon ministry waiting for her answer (and one from the Leipzig care service, if confirmed).
 * Deterministic (a fixed list; dates count from today). Idempotent: nothing when a pool profile exists or the
 * identity demo does not. The invented applicants have no account (they cannot sign in); their addresses are in
 * the demo domain.
 */
import { count, eq } from 'drizzle-orm';
import { addDays } from '../domain/calendar.ts';
import type { LanguageLevel } from '../domain/law/index.ts';
import { POOL_FIELDS, type PoolField, type SpokenLanguage } from '../domain/talent-pool/profile.ts';
import { employerProfile } from '../features/employers/index.ts';
import { todayIso } from '../features/jobs/index.ts';
import { findOrganisationBySlug, person } from '../features/people/index.ts';
import { poolContactRequest, poolProfile } from '../features/talent-pool/index.ts';
import type { Database } from '../platform/db/client.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';

const STATES = ['BE', 'BB', 'MV', 'SN', 'ST', 'TH'];
const OCCUPATIONS = [
  '43414',
  '43104',
  '81302',
  '82102',
  '81404',
  '26212',
  '34212',
  '52122',
  '29302',
  '83113',
];
const QUALIFICATIONS = ['vocational', 'bachelor', 'vocational', 'master', 'vocational', 'bachelor'] as const;
const RECOGNITIONS = ['pending', 'not-applied', 'partial', 'equivalent', 'pending'] as const;
const FIRST_LANGUAGES = ['hi', 'vi', 'es', 'pt', 'ar', 'tl', 'id', 'tr', 'uk', 'fr'];
const NAMES =
  `Aarav Sharma, Nguyen Thi Lan, Camila Rojas, João Pereira, Omar Haddad, Maria Santos, Siti Rahma,
Emre Kaya, Olena Kovalenko, Amina Diallo, Rohan Mehta, Tran Van Minh, Valentina Gómez, Ana Costa, Layla Nasser,
Jose Reyes, Dewi Lestari, Zeynep Arslan, Iryna Shevchenko, Fatou Ndiaye, Kavya Iyer, Pham Quoc Bao, Lucía Herrera,
Beatriz Lima, Youssef Amrani, Angelica Cruz, Putri Wulandari, Mert Demir, Andriy Bondar, Claire Mbeki`
    .split(',')
    .map((n) => n.trim());

/** Which facts a demo applicant releases: most release most, every third keeps recognition back. */
function releasedFor(i: number): PoolField[] {
  const hidden = new Set<PoolField>(i % 3 === 0 ? ['recognition'] : i % 5 === 0 ? ['qualification'] : []);
  if (i % 7 === 0) hidden.add('preferredStates');
  return POOL_FIELDS.filter((f) => !hidden.has(f));
}

function languagesFor(i: number): SpokenLanguage[] {
  const german: LanguageLevel[] = ['A1', 'A2', 'B1', 'B2'];
  return [
    { code: FIRST_LANGUAGES[i % FIRST_LANGUAGES.length] as string, level: 'C2' },
    { code: 'en', level: i % 2 === 0 ? 'B2' : 'C1' },
    { code: 'de', level: german[i % 4] as LanguageLevel },
  ];
}

function label(i: number): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY34679';
  let n = 7919 * (i + 11) + 104729;
  let out = '';
  for (let k = 0; k < 6; k++) {
    out += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) + 31 * k;
  }
  return out;
}

export async function seedTalentPoolDemo(db: Database, now = new Date()): Promise<number> {
  const [priya] = await db
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `antragstellerin@${DEMO_DOMAIN}`));
  if (!priya) return 0;
  const [existing] = await db.select({ n: count() }).from(poolProfile);
  if ((existing?.n ?? 0) > 0) return 0;
  const today = todayIso(now);
  return db.transaction(async (tx) => {
    const rows: (typeof poolProfile.$inferInsert)[] = [];
    for (const [i, name] of NAMES.entries()) {
      const [p] = await tx
        .insert(person)
        .values({ email: `talent-${i + 1}@${DEMO_DOMAIN}`, displayName: name, createdAt: now })
        .returning({ id: person.id });
      if (!p) continue;
      const pools = i % 4 === 0 ? STATES : [STATES[i % 6] as string, STATES[(i + 2) % 6] as string];
      rows.push({
        personId: p.id,
        label: label(i),
        occupationKldb: OCCUPATIONS[i % OCCUPATIONS.length] as string,
        qualification: QUALIFICATIONS[i % QUALIFICATIONS.length] as string,
        recognition: RECOGNITIONS[i % RECOGNITIONS.length] as string,
        languages: languagesFor(i),
        availableFrom: addDays(today, 30 + ((i * 23) % 300)),
        preferredStates: i % 3 === 0 ? [] : [STATES[i % 6] as string],
        poolStates: pools,
        released: releasedFor(i),
        createdAt: now,
        updatedAt: now,
      });
    }
    rows.push({
      personId: priya.id,
      label: 'PRIYA7',
      occupationKldb: '81302',
      qualification: 'bachelor',
      recognition: 'pending',
      languages: [
        { code: 'hi', level: 'C2' },
        { code: 'en', level: 'C1' },
        { code: 'de', level: 'B1' },
      ],
      availableFrom: addDays(today, 90),
      preferredStates: ['SN'],
      poolStates: STATES,
      released: POOL_FIELDS.filter((f) => f !== 'recognition'),
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(poolProfile).values(rows);
    const requesters: [string, string][] = [
      [
        'demo-ministerium-sachsen',
        'Guten Tag, das Land Sachsen stellt Pflegekräften eine Begleitung beim Ankommen.',
      ],
      ['demo-pflege-leipzig', 'Wir suchen Pflegefachkräfte in Leipzig und würden Sie gern kennenlernen.'],
    ];
    for (const [slug, message] of requesters) {
      const org = await findOrganisationBySlug(tx, slug);
      if (!org) continue;
      if (slug === 'demo-pflege-leipzig') {
        const [e] = await tx
          .select({ trust: employerProfile.trust })
          .from(employerProfile)
          .where(eq(employerProfile.organisationId, org.id));
        if (e?.trust !== 'confirmed') continue;
      }
      await tx.insert(poolContactRequest).values({
        applicantPersonId: priya.id,
        label: 'PRIYA7',
        requesterOrganisationId: org.id,
        message,
        createdAt: now,
      });
    }
    return rows.length;
  });
}
