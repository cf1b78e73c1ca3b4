import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedSharedDocuments } from '../support/appointments.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { apiClient, type Browser as Party, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, partyPages, SKIP_REASON, startHarness } from './harness.ts';

/**
 * Appointments in the browser, JavaScript on and off, at desktop and phone width: the mission plans its week, the
 * applicant requests the visa appointment, the mission checks the documents (refused until the checklist's required
 * documents are shared; then the allocation offers a slot at once),
 * the applicant accepts and gets the calendar file, the mission records that she came. Every page is axe-clean
 * and fits 390 px without sideways scrolling.
 */

for (const javaScript of [true, false]) {
  describe(`appointments with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let b: (name: string) => Party;
    let parties: ReturnType<typeof partyPages>;
    const as = (name: string) => parties.as(name);
    let journeyId = '';

    before(async () => {
      h = await startHarness();
      const way = await setUpWay(h.app, h.testApp.database.db, { makeOrganisation, makeAccount, sessionFor });
      b = way.b;
      parties = partyPages(h, (name) => b(name).cookie, javaScript);
      const opened = await apiClient(h.app).open(b('applicant'));
      journeyId = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
    });
    after(async () => {
      await parties?.close();
      await h?.close();
    });

    const check = (page: Page, what: string) => checkPage(page, what, javaScript);

    it('the mission plans its week', async () => {
      const page = await as('mission');
      await page.goto(`${h.base}/de/termine/planung`);
      await check(page, 'planning');
      await page.getByLabel('Über diesen Dienst Termine vergeben').check();
      for (const day of ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'])
        await page.getByLabel(day, { exact: true }).fill('3');
      await page.getByLabel('Zeitzone').fill('Asia/Kolkata');
      await page.getByRole('button', { name: 'Speichern und Termine planen' }).click();
      await page.waitForURL(/done=saved/);
      assert.match(await page.content(), /Die nächsten Wochen/);
      await check(page, 'planning-saved');
    });

    it('the applicant requests the visa appointment from her appointments page', async () => {
      const page = await as('applicant');
      await page.goto(`${h.base}/de/termine`);
      await check(page, 'mine-empty');
      await page
        .getByRole('link', { name: /Termin für den Visumantrag bei Botschaft New Delhi anfragen/ })
        .click();
      await page.getByRole('button', { name: 'Termin anfragen' }).click();
      await page.waitForLoadState();
      assert.match(await page.content(), /kern-error|error-summary/);
      await check(page, 'request-errors');
      await page.getByLabel('Nummer Ihres Reisepasses').fill('Z 7654321');
      await page.getByLabel('Staatsangehörigkeit').selectOption('IN');
      await page.getByLabel('Geburtsdatum').fill('14.05.1994');
      await page.getByRole('button', { name: 'Termin anfragen' }).click();
      await page.waitForURL(/done=requested/);
      assert.match(await page.content(), /Angefragt – Unterlagen werden geprüft/);
      await check(page, 'mine-requested');
      assert.ok(journeyId);
    });

    it('the mission checks the documents and the applicant is offered a slot, accepts and gets the calendar file', async () => {
      const mission = await as('mission');
      await mission.goto(`${h.base}/de/termine/anfragen`);
      await check(mission, 'requests');
      assert.match(await mission.content(), /Fehlt: Reisepass, Biometrisches Passfoto/);
      // The step's standard checklist requires the passport and the photo: not shared yet, so refused.
      await mission.getByRole('button', { name: 'Unterlagen geprüft' }).click();
      await mission.waitForLoadState();
      assert.match(await mission.content(), /nicht freigegeben: Reisepass, Biometrisches Passfoto/);
      await check(mission, 'requests-documents-missing');
      await seedSharedDocuments(h.testApp.database.db, {
        personId: b('applicant').personId,
        organisationId: b('mission').organisationId as string,
        categories: ['passport', 'photo'],
        at: new Date(),
      });
      await mission.goto(`${h.base}/de/termine/anfragen`);
      await mission.getByRole('button', { name: 'Unterlagen geprüft' }).click();
      await mission.waitForURL(/done=documents-checked/);
      const page = await as('applicant');
      await page.goto(`${h.base}/en/appointments`);
      assert.match(await page.content(), /We offer you this appointment/);
      await check(page, 'mine-offered');
      await page.getByRole('button', { name: 'Accept the appointment' }).click();
      await page.waitForURL(/done=accept/);
      assert.match(await page.content(), /Your appointment: /);
      await check(page, 'mine-booked');
      const link = page.getByRole('link', { name: 'Add the appointment to my calendar' });
      const ics = await page.request.get(new URL((await link.getAttribute('href')) ?? '', h.base).toString());
      assert.equal(ics.status(), 200);
      assert.match(await ics.text(), /BEGIN:VCALENDAR/);
    });

    it('the mission records that she came', async () => {
      const mission = await as('mission');
      await mission.goto(`${h.base}/de/termine/anfragen`);
      await mission.getByRole('button', { name: 'Erschienen', exact: true }).click();
      await mission.waitForURL(/done=attended/);
      await check(mission, 'requests-attended');
    });
  });
}
