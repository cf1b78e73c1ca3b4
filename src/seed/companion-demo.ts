/**
 * The demo's § 104c holders (issue 18): one in every state, their permits running out at different times and with
 * different gaps to § 25a/§ 25b — one nearly there, one without work yet, one whose German is open, a young one on the
 * way to § 25a. Names and addresses are invented; the accounts have no password (they are data for the
 * counsellor and the statistics, not sign-ins). The Saxon holder shares her data with the demo counselling centre.
 * Dates follow the day of the seed; the same holders every run; nothing when holders exist.
 */
import { count } from 'drizzle-orm';
import { addDays, addMonths } from '../domain/calendar.ts';
import type { LanguageLevel } from '../domain/law/index.ts';
import { companionHolder } from '../features/companion/index.ts';
import { todayIso } from '../features/pathways/index.ts';
import { consent, findOrganisationBySlug, person } from '../features/people/index.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';

type Holder = {
  state: string;
  local: string;
  name: string;
  birthDate: string;
  inGermanySince: string;
  /** Days from the seed day to the permit's last day. */
  expiresIn: number;
  german: LanguageLevel | null;
  livelihood: boolean | null;
  child: boolean | null;
  school: boolean | null;
};

const HOLDERS: readonly Holder[] = [
  {
    state: 'BE',
    local: 'holder-berlin',
    name: 'Amir Haddad',
    birthDate: '1988-04-12',
    inGermanySince: '2015-10-01',
    expiresIn: 12,
    german: 'A2',
    livelihood: true,
    child: false,
    school: null,
  },
  {
    state: 'BB',
    local: 'holder-brandenburg',
    name: 'Fatima Noori',
    birthDate: '1992-09-30',
    inGermanySince: '2016-03-15',
    expiresIn: 38,
    german: 'B1',
    livelihood: false,
    child: true,
    school: null,
  },
  {
    state: 'MV',
    local: 'holder-mv',
    name: 'Yonas Tesfaye',
    birthDate: '1985-01-20',
    inGermanySince: '2014-07-01',
    expiresIn: 75,
    german: null,
    livelihood: true,
    child: false,
    school: null,
  },
  {
    state: 'SN',
    local: 'holder-sachsen',
    name: 'Mariam Karimi',
    birthDate: '1990-06-05',
    inGermanySince: '2016-01-10',
    expiresIn: 120,
    german: 'A2',
    livelihood: null,
    child: false,
    school: null,
  },
  {
    state: 'ST',
    local: 'holder-sachsen-anhalt',
    name: 'Samir Aziz',
    birthDate: '2001-02-14',
    inGermanySince: '2015-09-01',
    expiresIn: 190,
    german: 'B1',
    livelihood: false,
    child: false,
    school: true,
  },
  {
    state: 'TH',
    local: 'holder-thueringen',
    name: 'Lina Bakr',
    birthDate: '1983-11-08',
    inGermanySince: '2017-02-01',
    expiresIn: 260,
    german: 'A1',
    livelihood: null,
    child: null,
    school: null,
  },
];

/** Adds the demo holders; returns how many (0 when holders exist already). */
export async function seedCompanionDemo(tx: DbOrTx, now: Date): Promise<number> {
  const [existing] = await tx.select({ n: count() }).from(companionHolder);
  if ((existing?.n ?? 0) > 0) return 0;
  const today = todayIso(now);
  const centre = await findOrganisationBySlug(tx, 'demo-beratung-dresden');
  for (const h of HOLDERS) {
    const [p] = await tx
      .insert(person)
      .values({ email: `${h.local}@${DEMO_DOMAIN}`, displayName: h.name, emailVerifiedAt: now })
      .onConflictDoNothing()
      .returning({ id: person.id });
    if (!p) continue;
    const expiresOn = addDays(today, h.expiresIn);
    await tx.insert(companionHolder).values({
      personId: p.id,
      stateCode: h.state,
      permitGrantedOn: addMonths(expiresOn, -18),
      permitExpiresOn: expiresOn,
      birthDate: h.birthDate,
      inGermanySince: h.inGermanySince,
      german: h.german,
      livelihoodMainlyFromWork: h.livelihood,
      livesWithMinorChild: h.child,
      germanSchoolOrQualification: h.school,
      updatedAt: now,
    });
    if (h.state === 'SN' && centre)
      await tx.insert(consent).values({ personId: p.id, organisationId: centre.id, grantedAt: now });
  }
  return HOLDERS.length;
}
