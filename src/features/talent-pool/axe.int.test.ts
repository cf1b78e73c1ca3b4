import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  checkPage,
  type Harness,
  pageWithCookies,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import type { Role } from '../../domain/access/roles.ts';
import { employerProfile } from '../employers/index.ts';

/** The talent pool in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('talent pool pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  async function signedIn(personId: string, role: Role): Promise<Page> {
    const s = await sessionFor(h.app, h.testApp.database.db, personId, role);
    return pageWithCookies(h, s.cookie, contexts);
  }

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('joins, finds, asks and reveals, every page clean', async () => {
    const db = h.testApp.database.db;
    const id = await makeOrganisation(db, {
      slug: 'axe-pool',
      name: 'Axe Pool GmbH',
      kind: 'employer',
      jurisdictions: [],
    });
    const now = new Date();
    await db.insert(employerProfile).values({
      organisationId: id,
      ...{ street: 'Markt 1', postcode: '04109', town: 'Leipzig', districtAgs: '14713' },
      ...{ registerCourt: 'Amtsgericht Leipzig', registerNumber: 'HRB 778', registerKey: 'leipzig|HRB 778' },
      ...{ publicKind: null, sizeBand: '10-49', trust: 'confirmed', trustChangedAt: now, createdAt: now },
    });
    const applicant = await signedIn((await makeAccount(db, 'applicant')).personId, 'applicant');
    await applicant.goto(`${h.base}/de/talentpool`);
    await checkPage(applicant, 'pool-mine-empty', false);
    await applicant.getByRole('button', { name: 'Eintreten' }).click();
    await applicant.waitForSelector('#error-summary');
    await checkPage(applicant, 'pool-mine-422', false);
    await applicant.locator('#field-occupation').fill('Softwareentwickler');
    await applicant.locator('#field-qualification').selectOption('bachelor');
    await applicant.locator('#field-recognition').selectOption('pending');
    await applicant.locator('#field-language1').selectOption('en');
    await applicant.locator('#field-level1').selectOption('C1');
    await applicant.locator('#field-availableFrom').fill('2027-03-01');
    await applicant.locator('input[name="poolStates"][value="SN"]').check();
    await applicant.getByRole('button', { name: 'Eintreten' }).click();
    await applicant.waitForURL(/done=saved/);
    await checkPage(applicant, 'pool-mine-joined', false);

    const employer = await signedIn(
      (await makeAccount(db, 'employer-admin', 'axe-pool')).personId,
      'employer-admin',
    );
    await employer.goto(`${h.base}/en/talent-pool/search`);
    await checkPage(employer, 'pool-search-empty', false);
    await employer.getByRole('button', { name: 'Search' }).click();
    await employer.waitForSelector('.kern-description-list');
    await checkPage(employer, 'pool-search-results', false);
    await employer.getByRole('link', { name: /^Contact profile/ }).click();
    await employer.waitForSelector('textarea[name="message"]');
    await checkPage(employer, 'pool-contact', false);
    await employer.getByLabel('Your message').fill('We build software in Leipzig.');
    await employer.getByRole('button', { name: 'Send request' }).click();
    await employer.waitForURL(/sent=1/);
    await checkPage(employer, 'pool-sent', false);

    await applicant.goto(`${h.base}/en/talent-pool`);
    await applicant.getByRole('button', { name: /^Give your name/ }).click();
    await applicant.waitForURL(/done=answered/);
    await checkPage(applicant, 'pool-mine-answered', false);
    await employer.goto(`${h.base}/en/talent-pool/contact-requests`);
    assert.match(await employer.content(), /Invite the person/);
    await checkPage(employer, 'pool-sent-revealed', false);

    const fresh = await makeOrganisation(db, {
      slug: 'axe-pool-new',
      name: 'Neu GmbH',
      kind: 'employer',
      jurisdictions: [],
    });
    await db.insert(employerProfile).values({
      organisationId: fresh,
      ...{ street: 'Markt 1', postcode: '04109', town: 'Leipzig', districtAgs: '14713' },
      ...{ registerCourt: 'Amtsgericht Leipzig', registerNumber: 'HRB 779', registerKey: 'leipzig|HRB 779' },
      ...{ publicKind: null, sizeBand: '10-49', trust: 'unconfirmed', trustChangedAt: now, createdAt: now },
    });
    const unconfirmed = await signedIn(
      (await makeAccount(db, 'employer-admin', 'axe-pool-new')).personId,
      'employer-admin',
    );
    await unconfirmed.goto(`${h.base}/de/talentpool/suche`);
    await checkPage(unconfirmed, 'pool-refused', false);
  });
});
