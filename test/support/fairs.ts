/**
 * The test world of the fair tests (not part of the app): three state ministries, a confirmed employer with a
 * published job ad, its administrator, three officers and two applicants, each with a session.
 */
import { eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/access/roles.ts';
import { employerProfile } from '../../src/features/employers/index.ts';
import { jobAd } from '../../src/features/jobs/index.ts';
import { person } from '../../src/features/people/index.ts';
import { occupation } from '../../src/features/registry/index.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { makeAccount, makeOrganisation, sessionFor } from './identity.ts';

export type Who = { personId: string; cookie: string; csrfToken: string };

export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const german = (iso: string) => iso.split('-').reverse().join('.');

/** The world on a new test app, or on `existing` (a browser test's). */
export async function fairWorld(existing?: TestApp) {
  const t: TestApp = existing ?? (await buildTestApp());
  const db = t.database.db;
  const who: Record<string, Who> = {};
  async function person_(name: string, role: Role, slug?: string) {
    const a = await makeAccount(db, role, slug);
    const s = await sessionFor(t.app, db, a.personId, role);
    who[name] = { personId: a.personId, cookie: s.cookie, csrfToken: s.csrfToken };
  }
  for (const state of ['SN', 'TH', 'BE'])
    await makeOrganisation(db, {
      slug: `fair-${state.toLowerCase()}`,
      name: `Ministerium ${state}`,
      kind: 'state-ministry',
      jurisdictions: [{ scope: 'state', stateCode: state }],
    });
  const employerId = await makeOrganisation(db, {
    slug: 'fair-firm',
    name: 'Pflege Leipzig GmbH',
    kind: 'employer',
    jurisdictions: [],
  });
  const now = new Date();
  await db.insert(employerProfile).values({
    organisationId: employerId,
    ...{ street: 'Markt 1', postcode: '04109', town: 'Leipzig', districtAgs: '14713' },
    ...{ registerCourt: 'Amtsgericht Leipzig', registerNumber: 'HRB 771', registerKey: 'l|fair-firm' },
    ...{ publicKind: null, sizeBand: '10-49', trust: 'confirmed', trustChangedAt: now, createdAt: now },
  });
  const [occ] = await db.select({ kldb: occupation.kldb }).from(occupation).limit(1);
  const [ad] = await db
    .insert(jobAd)
    .values({
      employerId,
      status: 'published',
      titleDe: 'Pflegefachkraft',
      titleEn: 'Nurse',
      occupationKldb: occ?.kldb ?? '',
      districtAgs: '14713',
      salaryMinEur: 48_000,
      weeklyHours: 39,
      germanLevel: 'B1',
      englishLevel: 'none',
      startDate: day(60),
      expiresOn: day(90),
      willingAccelerated: true,
      englishEnough: false,
      acceleratedReady: true,
      recognitionNeeded: true,
      collectiveAgreementFlag: false,
      pathways: [{ profile: 'vocational-recognised', pathway: 'aufenthg-18a', outcome: 'eligible' }],
      pathwayIds: ['aufenthg-18a'],
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    })
    .returning({ id: jobAd.id });
  for (const s of ['sn', 'th', 'be']) await person_(s, 'ministry-officer', `fair-${s}`);
  await person_('firm', 'employer-admin', 'fair-firm');
  await person_('ana', 'applicant');
  await person_('ben', 'applicant');
  await db
    .update(person)
    .set({ displayName: 'Ana Beispiel' })
    .where(eq(person.id, (who.ana as Who).personId));

  const get = (name: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: (who[name] as Who).cookie } });
  function post(name: string, url: string, fields: Record<string, string | string[]> = {}) {
    const w = who[name] as Who;
    const body = new URLSearchParams({ _csrf: w.csrfToken });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    const headers = { cookie: w.cookie, 'content-type': 'application/x-www-form-urlencoded' };
    return t.app.inject({ method: 'POST', url, headers, payload: body.toString() });
  }
  return { t, db, who, employerId, adId: ad?.id ?? '', get, post };
}
