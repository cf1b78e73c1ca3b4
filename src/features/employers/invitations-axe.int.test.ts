import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import {
  checkPage,
  type Harness,
  pageWithCookies,
  SKIP_REASON,
  startHarness,
} from '../../../test/e2e/harness.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, OPEN_BODY } from '../../../test/support/journey.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { employerProfile } from './schema.ts';

/** An employer invites a candidate, and the candidate answers, in a browser without JavaScript. */
describe('candidate invitations in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('invites by email and lets the candidate agree, every page clean', async () => {
    const db = h.testApp.database.db;
    const org = await makeOrganisation(db, {
      slug: 'axe-inv-employer',
      name: 'Pflegedienst Axe GmbH',
      kind: 'employer',
      seat: { stateCode: 'SN', districtAgs: '14626' },
      jurisdictions: [],
    });
    const admin = await makeAccount(db, 'employer-admin', 'axe-inv-employer');
    await db.insert(employerProfile).values({
      organisationId: org,
      street: 'Markt 2',
      postcode: '02826',
      town: 'Görlitz',
      districtAgs: '14626',
      registerCourt: 'Amtsgericht Dresden',
      registerNumber: 'HRB 4711',
      registerKey: 'dresden|HRB 4711',
      sizeBand: '10-49',
      trust: 'confirmed',
      trustChangedAt: new Date(),
      registeredBy: admin.personId,
      createdAt: new Date(),
    });
    const employer = await pageWithCookies(
      h,
      (await sessionFor(h.app, db, admin.personId, 'employer-admin')).cookie,
      contexts,
    );
    await employer.goto(`${h.base}/de/arbeitgeber/${org}`);
    await employer.getByRole('link', { name: 'Bewerberinnen und Bewerber einladen' }).click();
    await employer.waitForURL(/\/einladungen$/);
    await checkPage(employer, 'invitations-none', false);
    await employer.getByRole('button', { name: 'Einladung verschicken' }).click();
    await employer.waitForSelector('#error-summary');
    await checkPage(employer, 'invitations-422', false);
    await employer.getByLabel('Name der Person').fill('Priya Nair');
    await employer.getByLabel('E-Mail-Adresse der Person').fill('priya.axe@example.org');
    await employer.getByRole('button', { name: 'Einladung verschicken' }).click();
    await employer.waitForURL(/sent=1$/);
    assert.match(await employer.content(), /Wartet auf Antwort bis/);
    await checkPage(employer, 'invitations-sent', false);

    const applicant = await makeAccount(db, 'applicant');
    const s = await sessionFor(h.app, db, applicant.personId, 'applicant');
    const opened = await apiClient(h.app).open(
      { personId: applicant.personId, ...s, organisationId: null },
      OPEN_BODY,
    );
    assert.equal(opened.statusCode, 201, opened.body);
    const [mail] = await db
      .select()
      .from(outboxMail)
      .where(eq(outboxMail.toAddress, 'priya.axe@example.org'));
    const path = /\/en\/employers\/invitation\/[A-Za-z0-9_-]+/.exec(mail?.text ?? '')?.[0] ?? '';
    assert.ok(path, mail?.text);
    const candidate = await pageWithCookies(h, s.cookie, contexts);
    await candidate.goto(`${h.base}${path}`);
    await checkPage(candidate, 'invitation-candidate', false);
    await candidate.getByRole('button', { name: /Agree: Pflegedienst Axe GmbH may see my journey/ }).click();
    await candidate.waitForURL(/\/en\/journeys\/[0-9a-f-]{36}$/);
    await checkPage(candidate, 'invitation-agreed-journey', false);
  });
});
