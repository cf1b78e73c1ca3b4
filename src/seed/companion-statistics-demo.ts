/**
 * More demo holders of the Chancen-Aufenthaltsrecht for the states' statistics (issue 18): enough in Saxony,
 * Berlin and Thuringia that the district table shows real numbers, few in Brandenburg and Mecklenburg-Vorpommern
 * so that the disclosure rule hides their counts. Each holder has a district, a permit ending at a different time
 * and different gaps. The Saxon holder of the first demo (Mariam Karimi) gets her work confirmed by the demo care
 * service in Leipzig, with her consent. Invented names, accounts without password; nothing when already there.
 */
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { addDays, addMonths } from '../domain/calendar.ts';
import type { LanguageLevel } from '../domain/law/index.ts';
import { companionEmployment, companionHolder } from '../features/companion/index.ts';
import { todayIso } from '../features/pathways/index.ts';
import { findOrganisationBySlug, person } from '../features/people/index.ts';
import { district } from '../features/regions/index.ts';
import type { DbOrTx } from '../platform/db/client.ts';
import { DEMO_DOMAIN } from './identity-demo.ts';

/** Holders per state, most in the cities, one or two in the other districts. */
const PER_STATE: Readonly<Record<string, number>> = { SN: 34, BE: 12, TH: 10, ST: 7, BB: 4, MV: 3 };
const GERMAN: readonly (LanguageLevel | null)[] = ['A2', 'B1', 'A1', null, 'A2'];
const LIVELIHOOD: readonly (boolean | null)[] = [true, false, null, true];
const EXPIRES_IN = [25, 55, 85, 120, 160, 210, 280, 350, 420, 500];
const FIRST = ['Ali', 'Sara', 'Omar', 'Hana', 'Karim', 'Layla', 'Yusuf', 'Amina', 'Tarek', 'Nour'];
const LAST = ['Rahimi', 'Haidari', 'Osman', 'Mansour', 'Jafari', 'Ahmadi', 'Kareem', 'Saleh', 'Nasser'];

/** The cities where most holders live, per state (AGS); the other districts get one or two each. */
const CITIES: Readonly<Record<string, readonly string[]>> = {
  SN: ['14713', '14612', '14511'],
  TH: ['16051', '16053'],
  ST: ['15002', '15003'],
  BB: ['12054'],
  MV: ['13003'],
  BE: ['11000'],
};
/** How many holders each city gets, in the order of `CITIES`. */
const CITY_SHARE = [9, 8, 6];

/** The district of the i-th holder of a state: the cities first, then one each over the others. */
function districtOf(state: string, i: number, all: readonly string[]): string | null {
  const cities = (CITIES[state] ?? []).filter((c) => all.includes(c));
  let k = i;
  for (const [j, c] of cities.entries()) {
    const share = CITY_SHARE[j] ?? 1;
    if (k < share) return c;
    k -= share;
  }
  const others = all.filter((d) => !cities.includes(d));
  return others.length > 0 ? (others[k % others.length] ?? null) : (cities[0] ?? null);
}

/** Adds the holders and the confirmation; returns how many holders (0 when they exist already). */
export async function seedCompanionStatisticsDemo(tx: DbOrTx, now: Date): Promise<number> {
  const existing = await tx
    .select({ id: person.id })
    .from(person)
    .where(like(person.email, `holder-stat-%@${DEMO_DOMAIN}`))
    .limit(1);
  if (existing.length > 0) return 0;
  const today = todayIso(now);
  let made = 0;
  for (const [state, n] of Object.entries(PER_STATE)) {
    const districts = await tx
      .select({ ags: district.ags })
      .from(district)
      .where(eq(district.stateCode, state))
      .orderBy(asc(district.ags));
    for (let i = 0; i < n; i++) {
      const k = made;
      const [p] = await tx
        .insert(person)
        .values({
          email: `holder-stat-${state.toLowerCase()}-${i + 1}@${DEMO_DOMAIN}`,
          displayName: `${FIRST[k % FIRST.length]} ${LAST[k % LAST.length]}`,
          emailVerifiedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: person.id });
      if (!p) continue;
      const expiresOn = addDays(today, EXPIRES_IN[k % EXPIRES_IN.length] ?? 100);
      const young = k % 6 === 5;
      await tx.insert(companionHolder).values({
        personId: p.id,
        stateCode: state,
        districtAgs: districtOf(
          state,
          i,
          districts.map((d) => d.ags),
        ),
        permitGrantedOn: addMonths(expiresOn, -18),
        permitExpiresOn: expiresOn,
        birthDate: young ? `${2003 + (k % 3)}-05-1${k % 9}` : `${1980 + (k % 15)}-0${1 + (k % 9)}-15`,
        inGermanySince: `${2014 + (k % 4)}-0${1 + (k % 9)}-01`,
        german: GERMAN[k % GERMAN.length] ?? null,
        livelihoodMainlyFromWork: LIVELIHOOD[k % LIVELIHOOD.length] ?? null,
        livesWithMinorChild: k % 5 === 0,
        germanSchoolOrQualification: young ? k % 2 === 1 : null,
        updatedAt: now,
      });
      made++;
    }
  }
  await placeFirstHolders(tx);
  await confirmDemoEmployment(tx, now);
  return made;
}

/** The district of each holder of the first demo (one per state), where none is set. */
const FIRST_HOLDERS: Readonly<Record<string, string>> = {
  'holder-berlin': '11000',
  'holder-brandenburg': '12054',
  'holder-mv': '13003',
  'holder-sachsen': '14612',
  'holder-sachsen-anhalt': '15002',
  'holder-thueringen': '16051',
};

async function placeFirstHolders(tx: DbOrTx): Promise<void> {
  for (const [local, ags] of Object.entries(FIRST_HOLDERS)) {
    const [p] = await tx
      .select({ id: person.id })
      .from(person)
      .where(eq(person.email, `${local}@${DEMO_DOMAIN}`));
    if (p)
      await tx
        .update(companionHolder)
        .set({ districtAgs: ags })
        .where(and(eq(companionHolder.personId, p.id), isNull(companionHolder.districtAgs)));
  }
}

/** Mariam Karimi (Saxony) names the demo care service in Leipzig, which confirms her work. */
async function confirmDemoEmployment(tx: DbOrTx, now: Date): Promise<void> {
  const firm = await findOrganisationBySlug(tx, 'demo-pflege-leipzig');
  const [holder] = await tx
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `holder-sachsen@${DEMO_DOMAIN}`));
  const [admin] = await tx
    .select({ id: person.id })
    .from(person)
    .where(eq(person.email, `arbeitgeber-admin@${DEMO_DOMAIN}`));
  if (!firm || !holder) return;
  const today = todayIso(now);
  await tx.insert(companionEmployment).values({
    personId: holder.id,
    organisationId: firm.id,
    consentedAt: now,
    confirmedAt: now,
    confirmedBy: admin?.id ?? null,
    startedOn: addMonths(today, -8),
    hoursPerWeek: 38,
    monthlyGrossEur: 2450,
    permanent: true,
  });
}
