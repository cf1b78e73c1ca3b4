import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Browser } from '../../../test/support/journey.ts';
import { pageClient } from '../../../test/support/journey.ts';
import { storeAnswers } from '../../../test/support/pathways.ts';
import type { Role } from '../../domain/access/roles.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { employerProfile } from '../employers/index.ts';
import { ANSWERS_COOKIE } from '../pathways/index.ts';
import { jobAd } from './schema.ts';

/** The ad form filled in as a software firm in Leipzig would. */
const AD = {
  titleDe: 'Softwareentwicklerin / Softwareentwickler',
  titleEn: 'Software developer',
  occupation: 'Softwareentwickler',
  occupationKldb: '',
  districtAgs: '14713',
  salaryMinEur: '60.000',
  salaryMaxEur: '72000',
  weeklyHours: '40',
  contract: 'open-ended',
  contractMonths: '',
  germanLevel: 'none',
  englishLevel: 'B2',
  startDate: '2026-12-15',
  expiresOn: '2027-03-31',
  collectiveAgreement: '',
  willingAccelerated: 'yes',
  descriptionDe: '',
  descriptionEn: 'Backend work in TypeScript.',
};

/** Codes and enum names a person must never read on these pages. */
const CODES =
  />\s*(aufenthg-[a-z0-9-]+|[0-9]{4,5}|english-enough|accelerated-ready|published|draft|paused|SN|TH)\s*</;

describe('job ads: writing, publishing and the public search (issue 16)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};
  const employers: Record<string, string> = {};
  let adId = '';

  async function employer(slug: string, trust: 'confirmed' | 'unconfirmed', ags: string) {
    const id = await makeOrganisation(t.database.db, {
      slug,
      name: `Firma ${slug}`,
      kind: 'employer',
      jurisdictions: [],
    });
    const now = new Date();
    await t.database.db.insert(employerProfile).values({
      organisationId: id,
      ...{ street: 'Markt 1', postcode: '04109', town: 'Leipzig', districtAgs: ags },
      ...{ registerCourt: 'Amtsgericht Leipzig', registerNumber: `HRB ${slug.length}${Date.now() % 1000}` },
      ...{ registerKey: `leipzig|${slug}`, publicKind: null, sizeBand: '10-49', trust },
      ...{ trustChangedAt: now, registeredBy: null, createdAt: now },
    });
    employers[slug] = id;
  }
  async function browser(name: string, role: Role, slug?: string) {
    const a = await makeAccount(t.database.db, role, slug);
    const s = await sessionFor(t.app, t.database.db, a.personId, role);
    browsers[name] = { personId: a.personId, ...s, organisationId: null };
  }

  before(async () => {
    t = await buildTestApp();
    await employer('jobs-soft', 'confirmed', '14713');
    await employer('jobs-new', 'unconfirmed', '16053');
    await browser('soft', 'employer-admin', 'jobs-soft');
    await browser('fresh', 'employer-member', 'jobs-new');
    await browser('applicant', 'applicant');
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });
  const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
  const ads = async () => (await t.database.db.select({ n: count() }).from(jobAd))[0]?.n ?? 0;
  const soft = () => employers['jobs-soft'] ?? '';

  it('shows the ad form in both languages, without codes', async () => {
    for (const url of [`/de/arbeitgeber/${soft()}/stellen/neu`, `/en/employers/${soft()}/jobs/new`]) {
      const page = await client().get('soft', url);
      assert.equal(page.statusCode, 200, page.body);
      assert.doesNotMatch(page.body, CODES);
    }
  });

  it('refuses bad fields with 422 naming each, and writes nothing', async () => {
    const res = await client().form('soft', `/de/arbeitgeber/${soft()}/stellen/neu`, {
      ...AD,
      titleDe: '',
      titleEn: '',
      salaryMinEur: 'viel',
      weeklyHours: '70',
      germanLevel: 'B9',
      expiresOn: '2020-01-01',
    });
    assert.equal(res.statusCode, 422);
    for (const f of ['titleDe', 'salaryMinEur', 'weeklyHours', 'germanLevel', 'expiresOn'])
      assert.match(res.body, new RegExp(`href="#field-${f}"`));
    assert.match(res.body, /Stunden pro Woche: Bitte geben Sie 1 bis 48 Stunden an/);
    assert.equal(await ads(), 0);
  });

  it('finds the occupation by its name with typos, offers a choice when several fit, and never takes a code', async () => {
    const several = await client().form('soft', `/en/employers/${soft()}/jobs/new`, {
      ...AD,
      occupation: 'Pflege',
    });
    assert.equal(several.statusCode, 422);
    assert.match(several.body, /name="occupationKldb" value="[0-9]{5}"/);
    assert.match(several.body, /Several occupations match/);
    const code = await client().form('soft', `/en/employers/${soft()}/jobs/new`, {
      ...AD,
      occupation: '43414',
    });
    assert.equal(code.statusCode, 422);
    assert.match(code.body, /href="#field-occupation"/);
    assert.equal(await ads(), 0);
  });

  it('stores a draft with its flags and pathways computed, audited', async () => {
    const res = await client().form('soft', `/de/arbeitgeber/${soft()}/stellen/neu`, {
      ...AD,
      occupation: 'Softwarentwickler',
    });
    assert.equal(res.statusCode, 303, res.body);
    const [row] = await t.database.db.select().from(jobAd);
    assert.ok(row);
    adId = row.id;
    assert.equal(row.status, 'draft');
    assert.equal(row.occupationKldb, '43414');
    assert.equal(row.salaryMinEur, 60000);
    assert.equal(row.englishEnough, true);
    assert.equal(row.acceleratedReady, true);
    assert.equal(row.recognitionNeeded, false);
    assert.ok(row.pathwayIds.includes('aufenthg-18g'), JSON.stringify(row.pathways));
    const [audit] = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'job-ad'), eq(auditEntry.objectId, adId)));
    assert.equal(audit?.result, 'success');
    const list = await client().get('soft', `/de/arbeitgeber/${soft()}/stellen`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Softwareentwicklerin/);
    assert.match(list.body, /Englisch genügt/);
    assert.doesNotMatch(list.body, CODES);
  });

  it('does not show a draft publicly; publishing makes it findable in German and English', async () => {
    assert.equal((await anonymous(`/de/stellen/${adId}`)).statusCode, 404);
    const res = await client().form('soft', `/de/stellenanzeigen/${adId}/status`, { to: 'published' });
    assert.equal(res.statusCode, 303, res.body);
    const de = await anonymous('/de/stellen?q=software');
    assert.match(de.body, /Eine Stelle gefunden/);
    assert.match(de.body, /Blaue Karte EU/);
    assert.doesNotMatch(de.body, CODES);
    const en = await anonymous(`/en/jobs/${adId}`);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /EU Blue Card/);
    assert.match(en.body, /English is enough/);
    assert.match(en.body, /Markt 1, 04109 Leipzig/);
    assert.doesNotMatch(en.body, CODES);
    assert.match(en.body, new RegExp(`href="/en/jobs/${adId}/for-me"`));
    const fit = await anonymous(`/en/jobs/${adId}/for-me`);
    assert.equal(fit.statusCode, 200, fit.body);
    assert.equal(fit.headers['cache-control'], 'no-store');
    assert.match(
      fit.body,
      /href="\/en\/find-your-way"[^>]*>\s*<span class="kern-label">Answer the questions/,
    );
    const check = /href="(\/en\/check-a-job-offer\?[^"]+)"/.exec(fit.body)?.[1] ?? '';
    const offer = await anonymous(check.replace(/&amp;/g, '&'));
    assert.equal(offer.statusCode, 200, offer.body);
    assert.match(offer.body, /value="60000"/);
  });

  it('"could this job work for me?" evaluates the visitor’s own answers with the ad as their offer', async () => {
    const own = (answers: Record<string, string>) =>
      storeAnswers(
        t.database.db,
        { birthDate: '1994-05-01', location: 'abroad', status: 'none', ...answers },
        ['person'],
      );
    const developer = await own({
      ...{ qualificationKind: 'academic', trainingYears: '4', qualificationIsco: '2512' },
      ...{ stateRecognizedAbroad: 'yes', recognitionInGermany: 'equivalent', german: 'A1', english: 'C1' },
    });
    const fit = (token: string) =>
      t.app.inject({
        method: 'GET',
        url: `/en/jobs/${adId}/for-me`,
        headers: { cookie: `${ANSWERS_COOKIE}=${token}` },
      });
    const yes = await fit(developer);
    assert.equal(yes.statusCode, 200, yes.body);
    assert.match(yes.body, /at least one pathway is open to you/);
    assert.match(yes.body, /EU Blue Card/);
    assert.match(yes.body, /Apply directly to the employer: Firma jobs-soft, Markt 1, 04109 Leipzig/);
    assert.doesNotMatch(
      yes.body,
      /Opportunity Card|Chancenkarte/,
      'only the pathways that rest on a job offer',
    );
    assert.doesNotMatch(yes.body, CODES);
    const school = await own({ qualificationKind: 'none', hasExperience: 'no', german: 'A1', english: 'A1' });
    const no = await fit(school);
    assert.equal(no.statusCode, 200, no.body);
    assert.match(no.body, /this job opens no residence pathway/);
    assert.equal(
      (await anonymous(`/en/jobs/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}/for-me`)).statusCode,
      404,
    );
  });

  it('filters by words, state, flag and pathway', async () => {
    const found = (q: string) => anonymous(`/en/jobs?${q}`).then((r) => /One job found/.test(r.body));
    assert.equal(await found('q=nurse'), false);
    assert.equal(await found('q=developer&state=SN'), true);
    assert.equal(await found('state=TH'), false);
    assert.equal(await found('flag=english-enough&flag=accelerated-ready'), true);
    assert.equal(await found('flag=recognition-needed'), false);
    assert.equal(await found('pathway=aufenthg-18g'), true);
    assert.equal(await found('pathway=aufenthg-16d-3'), false);
    assert.equal(await found('q=%25%25'), false);
  });

  it('refuses to publish for an unconfirmed employer with 409 naming the employer', async () => {
    const id = employers['jobs-new'] ?? '';
    const made = await client().form('fresh', `/en/employers/${id}/jobs/new`, {
      ...AD,
      districtAgs: '16053',
    });
    assert.equal(made.statusCode, 303, made.body);
    const [draft] = await t.database.db.select().from(jobAd).where(eq(jobAd.employerId, id));
    assert.equal(draft?.acceleratedReady, false);
    const res = await client().form('fresh', `/en/job-ads/${draft?.id}/status`, { to: 'published' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Only once a state has confirmed your organisation/);
    const [still] = await t.database.db.select().from(jobAd).where(eq(jobAd.employerId, id));
    assert.equal(still?.status, 'draft');
  });

  it("keeps other employers and applicants out of an employer's ads", async () => {
    assert.equal((await client().get('fresh', `/de/stellenanzeigen/${adId}`)).statusCode, 404);
    assert.equal(
      (await client().form('fresh', `/de/stellenanzeigen/${adId}/status`, { to: 'paused' })).statusCode,
      404,
    );
    assert.equal((await client().get('fresh', `/de/arbeitgeber/${soft()}/stellen`)).statusCode, 404);
    assert.equal((await client().get('applicant', `/de/arbeitgeber/${soft()}/stellen`)).statusCode, 403);
  });

  it('edits an ad and recomputes its pathways', async () => {
    const form = await client().get('soft', `/de/stellenanzeigen/${adId}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="Softwareentwickler\/in"/);
    const res = await client().form('soft', `/de/stellenanzeigen/${adId}`, {
      ...AD,
      occupation: 'Softwareentwickler/in',
      occupationKldb: '43414',
      salaryMinEur: '30000',
      salaryMaxEur: '',
    });
    assert.equal(res.statusCode, 303, res.body);
    const [row] = await t.database.db.select().from(jobAd).where(eq(jobAd.id, adId));
    assert.equal(row?.status, 'published');
    assert.equal(row?.pathwayIds.includes('aufenthg-18g'), false);
  });

  it('hides paused and expired ads and the ads of a withdrawn employer', async () => {
    const visible = async () => (await anonymous(`/en/jobs/${adId}`)).statusCode === 200;
    assert.equal(await visible(), true);
    await client().form('soft', `/en/job-ads/${adId}/status`, { to: 'paused' });
    assert.equal(await visible(), false);
    await client().form('soft', `/en/job-ads/${adId}/status`, { to: 'published' });
    assert.equal(await visible(), true);
    const db = t.database.db;
    assert.match(
      (await anonymous('/en/jobs')).body,
      /One job found/,
      'the search page, kept for the next visitor',
    );
    await db
      .update(employerProfile)
      .set({ trust: 'withdrawn', trustChangedAt: new Date() }) // as the officer's withdrawal does
      .where(eq(employerProfile.organisationId, soft()));
    assert.equal(await visible(), false);
    assert.match(
      (await anonymous('/en/jobs')).body,
      /No job found/,
      'a withdrawal shows on the next request',
    );
    await db
      .update(employerProfile)
      .set({ trust: 'confirmed', trustChangedAt: new Date(Date.now() + 1000) })
      .where(eq(employerProfile.organisationId, soft()));
    assert.equal(await visible(), true);
    assert.match((await anonymous('/en/jobs')).body, /One job found/);
    await db.update(jobAd).set({ expiresOn: '2020-01-01' }).where(eq(jobAd.id, adId));
    assert.equal(await visible(), false);
    const again = await client().form('soft', `/en/job-ads/${adId}/status`, { to: 'published' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /href="#field-expiresOn"/);
  });
});
