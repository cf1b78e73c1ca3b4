import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { apiClient, type Browser as Party, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, partyPages, SKIP_REASON, startHarness } from './harness.ts';

/**
 * Workload and staffing in the browser, JavaScript on and off, at desktop and phone width: an office reads its
 * workload (chart and table), the ministry fills in the staffing calculator for all six states, gets both
 * objectives side by side, and a bad figure named in the error summary. Every page is axe-clean and fits 390 px.
 */

for (const javaScript of [true, false]) {
  describe(`workload and staffing with JavaScript ${javaScript ? 'on' : 'off'}`, {
    skip: SKIP_REASON,
  }, () => {
    let h: Harness;
    let b: (name: string) => Party;
    let parties: ReturnType<typeof partyPages>;
    const as = (name: string) => parties.as(name);

    before(async () => {
      h = await startHarness();
      const way = await setUpWay(h.app, h.testApp.database.db, { makeOrganisation, makeAccount, sessionFor });
      b = way.b;
      parties = partyPages(h, (name) => b(name).cookie, javaScript);
      const api = apiClient(h.app);
      const opened = await api.open(b('applicant'));
      const id = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
      await api.command(b('applicant'), id, { type: 'submit', step: 'recognition' });
    });
    after(async () => {
      await parties?.close();
      await h?.close();
    });

    const check = (page: Page, what: string) => checkPage(page, what, javaScript);

    it('the recognition authority reads its workload', async () => {
      const page = await as('recognition');
      await page.goto(`${h.base}/de`);
      await page.getByRole('link', { name: 'Auslastung', exact: true }).first().click();
      await page.waitForURL(/\/de\/behoerde\/auslastung/);
      assert.ok(await page.getByRole('img', { name: /Liniendiagramm/ }).isVisible());
      assert.match(await page.content(), /Anerkennungsstelle Sachsen/);
      assert.match(
        await page.content(),
        /Nächster Schritt: Tragen Sie unten die Zahl der Vollzeitkräfte ein/,
      );
      await check(page, 'workload');
    });

    it('the recognition authority stores its full-time caseworkers, a bad figure named first', async () => {
      const page = await as('recognition');
      await page.goto(`${h.base}/de/behoerde/auslastung`);
      const fte = page.getByLabel('Vollzeitkräfte in der Sachbearbeitung');
      await fte.fill('-3');
      await page.getByLabel('Gültig ab').fill('01.12.2026');
      await page.getByRole('button', { name: 'Zahl der Vollzeitkräfte speichern' }).click();
      await page.waitForLoadState();
      assert.ok(await page.getByRole('link', { name: /darf nicht kleiner als 0 sein/ }).isVisible());
      await check(page, 'workload-staff-error');
      await page.getByRole('link', { name: /darf nicht kleiner als 0 sein/ }).click();
      await fte.fill(javaScript ? '4,5' : '3');
      await page.getByRole('button', { name: 'Zahl der Vollzeitkräfte speichern' }).click();
      await page.waitForURL(/done=staff/);
      const html = await page.content();
      assert.match(html, /Die Zahl der Vollzeitkräfte ist gespeichert/);
      assert.match(html, /Offene Fälle je Vollzeitkraft/);
      await check(page, 'workload-staff');
    });

    it('the ministry places four extra caseworkers over all six states', async () => {
      const page = await as('ministry');
      await page.goto(`${h.base}/de/ministerium/personal`);
      await check(page, 'staffing');
      await page.getByLabel('Behörden aus').selectOption('all');
      await page.getByRole('button', { name: 'Behörden zeigen' }).click();
      await page.waitForURL(/region=all/);
      const offices = page.locator('fieldset');
      assert.equal(await offices.count(), 4);
      const figures = [
        ['400', '60', '5', '10'],
        ['100', '44', '5', '8'],
        ['0', '30', '5', '7'],
        ['250', '36', '4', '8'],
      ];
      for (const [i, [backlog, arrivals, mu, fte]] of figures.entries()) {
        const o = offices.nth(i);
        await o.getByLabel('Offene Fälle').fill(backlog as string);
        await o.getByLabel('Neue Fälle je Woche').fill(arrivals as string);
        await o.getByLabel('Entschiedene Fälle je Woche').fill('0');
        await o.getByLabel('Vollzeitstellen', { exact: true }).fill(i === 1 ? 'acht' : (fte as string));
        await o.getByLabel(/Fälle je Vollzeitstelle und Woche/).fill(mu as string);
      }
      await page.getByLabel('Zusätzliche Sachbearbeiterinnen und Sachbearbeiter').fill('4');
      await page.getByRole('button', { name: 'Berechnen' }).click();
      await page.waitForURL(/go=1/);
      assert.match(
        await page.content(),
        /Ausländerbehörde Görlitz \(Sachsen\)|Ausländerbehörde Görlitz: Vollzeitstellen/,
      );
      await check(page, 'staffing-error');
      await page.getByRole('link', { name: /Vollzeitstellen – bitte eine Zahl eingeben/ }).click();
      await offices.nth(1).getByLabel('Vollzeitstellen', { exact: true }).fill('8');
      await page.getByRole('button', { name: 'Berechnen' }).click();
      await page.waitForLoadState();
      const html = await page.content();
      assert.match(html, /13,2 Wochen → 6,7 Wochen/);
      assert.match(html, /\+2 Stellen: 6,7 Wochen/);
      await check(page, 'staffing-result');
    });
  });
}
