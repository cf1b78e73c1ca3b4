import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { apiClient, type Browser as Party, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, partyPages, SKIP_REASON, startHarness } from './harness.ts';

/**
 * The standard checklists in the browser, JavaScript on and off: a ministry officer picks a residence title, edits a
 * step's list (a missing reason named first), and the history says what changed; the applicant's step page shows
 * the new version. Every page is axe-clean and fits 390 px.
 */
for (const javaScript of [true, false]) {
  describe(`standard checklists with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let b: (name: string) => Party;
    let parties: ReturnType<typeof partyPages>;
    let journeyId = '';
    const as = (name: string) => parties.as(name);
    const check = (page: Page, what: string) => checkPage(page, what, javaScript);

    before(async () => {
      h = await startHarness();
      b = (await setUpWay(h.app, h.testApp.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
      parties = partyPages(h, (name) => b(name).cookie, javaScript);
      const opened = await apiClient(h.app).open(b('applicant'));
      journeyId = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
    });
    after(async () => {
      await parties?.close();
      await h?.close();
    });

    it('the ministry officer edits the visa appointment list of a residence title', async () => {
      const page = await as('ministry');
      await page.goto(`${h.base}/de`);
      await page.getByRole('link', { name: 'Einheitliche Checklisten', exact: true }).first().click();
      await page.waitForURL(/\/de\/dokumente\/checklisten/);
      await check(page, 'checklists');
      await page
        .getByRole('link', { name: /Liste für „Termin für den Visumantrag“ bearbeiten/ })
        .first()
        .click();
      await page.waitForURL(/\/visa-appointment$/);
      await check(page, 'checklist-edit');
      await page
        .getByRole('group', { name: /Nachweis der Krankenversicherung/ })
        .getByLabel('Nötig', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Neue Fassung speichern' }).click();
      await page.waitForLoadState();
      assert.ok(await page.getByRole('link', { name: /Grund für die Änderung/ }).isVisible());
      await check(page, 'checklist-error');
      await page.getByLabel('Grund der Änderung').fill('Beschluss der Länderkonferenz');
      await page
        .getByRole('group', { name: /Nachweis der Krankenversicherung/ })
        .getByLabel('Nötig', { exact: true })
        .check();
      await page.getByRole('button', { name: 'Neue Fassung speichern' }).click();
      await page.waitForURL(/saved=1/);
      const html = await page.content();
      assert.match(html, /Jetzt gilt Fassung 2/);
      assert.match(html, /Nachweis der Krankenversicherung hinzugefügt, nötig/);
      await check(page, 'checklist-saved');
    });

    it('the applicant’s step page shows the new version', async () => {
      const page = await as('applicant');
      await page.goto(`${h.base}/de/wege/${journeyId}/schritte/visa-appointment`);
      assert.match(await page.content(), /Einheitliche Checkliste, Fassung 2/);
      await check(page, 'checklist-step');
    });
  });
}
