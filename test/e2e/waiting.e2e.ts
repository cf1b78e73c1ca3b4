import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { actorOf, clockedJourneys } from '../support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { OPEN_BODY, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, SKIP_REASON, startHarness } from './harness.ts';

/**
 * The public waiting-time pages in the browser, JavaScript on and off, at desktop and phone width: the overview
 * with its chart and table, the filter by state (a GET form), and one office with enough finished cases for its
 * figures and one without, and the mission's figures per step kind. Every page is axe-clean and fits 390 px
 * without sideways scrolling.
 */
const DAY = 86_400_000;

for (const javaScript of [true, false]) {
  describe(`waiting times with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      h = await startHarness();
      const db = h.testApp.database.db;
      const { b, orgs } = await setUpWay(h.app, db, { makeOrganisation, makeAccount, sessionFor });
      let clock = new Date();
      const service = clockedJourneys(db, () => clock);
      const applicant = actorOf(b('applicant').personId, 'applicant');
      const officer = actorOf(
        b('recognition').personId,
        'recognition-officer',
        orgs['jt-recognition'] ?? null,
      );
      // 34 finished cases of 1 to 10 weeks at the recognition authority, and two still open.
      const start = Date.now() - 150 * DAY;
      for (let i = 0; i < 36; i++) {
        clock = new Date(start + i * 2 * DAY);
        const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
        await service.command(applicant, id, { type: 'submit', step: 'recognition' });
        if (i >= 34) continue;
        clock = new Date(clock.getTime() + 7 * (1 + (i % 10)) * DAY);
        await service.command(officer, id, { type: 'decide', step: 'recognition', outcome: 'positive' });
      }
      // At the mission, two step kinds: 31 visa appointments of 1 to 4 weeks, then three visa decisions of which
      // two are finished (too few for a wait) and one is open.
      const mission = actorOf(b('mission').personId, 'mission-officer', orgs['jt-mission'] ?? null, [
        { scope: 'country', countryCode: 'IN' },
      ]);
      const recent = Date.now() - 100 * DAY;
      for (let i = 0; i < 31; i++) {
        clock = new Date(recent + i * 2 * DAY);
        const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
        await service.command(applicant, id, { type: 'submit', step: 'visa-appointment' });
        clock = new Date(clock.getTime() + 7 * (1 + (i % 4)) * DAY);
        await service.command(mission, id, { type: 'decide', step: 'visa-appointment', outcome: 'positive' });
        if (i >= 3) continue;
        await service.command(applicant, id, { type: 'submit', step: 'visa-decision' });
        if (i === 2) continue;
        clock = new Date(clock.getTime() + 3 * 7 * DAY);
        await service.command(mission, id, { type: 'decide', step: 'visa-decision', outcome: 'positive' });
      }
      context = await h.axeContext(javaScript);
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await h?.close();
    });

    const check = (what: string) => checkPage(page, what, javaScript);

    it('shows the overview with the chart, the table and the filter by state', async () => {
      await page.goto(`${h.base}/de/wartezeiten`);
      await check('waiting-overview');
      assert.equal(await page.getByRole('img', { name: /Balkendiagramm/ }).count(), 1);
      assert.equal(await page.getByRole('table', { name: 'Wartezeiten je Behörde' }).count(), 1);
      await page.getByLabel('Bundesland').selectOption('SN');
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await page.waitForURL(/state=SN/);
      const body = await page.content();
      assert.match(body, /Anerkennungsstelle Sachsen/);
      assert.doesNotMatch(body, /Botschaft New Delhi/);
      await check('waiting-overview-sn');
    });

    it('shows one office with its figures, and one without enough data', async () => {
      await page.goto(`${h.base}/de/wartezeiten`);
      await Promise.all([
        page.waitForURL(/\/de\/wartezeiten\/jt-recognition$/),
        page.getByRole('link', { name: 'Anerkennungsstelle Sachsen', exact: true }).click(),
      ]);
      assert.match(await page.content(), /8 von 10 Menschen haben höchstens \d+ Wochen auf die Anerkennung/);
      assert.equal(await page.getByRole('img', { name: /Liniendiagramm/ }).count(), 1);
      await check('waiting-office');
      await page.goto(`${h.base}/en/waiting-times/jt-abh`);
      assert.match(await page.content(), /Not enough data yet/);
      await check('waiting-office-empty');
    });

    it('shows an office per step kind: each step in plain words with its own figures or not enough data', async () => {
      await page.goto(`${h.base}/de/wartezeiten/jt-mission`);
      const steps = page.getByRole('region', { name: 'Wartezeiten je Schritt' });
      assert.equal(await steps.count(), 1);
      const appointment = steps.getByRole('region', { name: 'Termin für den Visumantrag' });
      assert.match(
        (await appointment.textContent()) ?? '',
        /8 von 10 Menschen haben höchstens 4 Wochen gewartet/,
      );
      assert.match((await appointment.textContent()) ?? '', /Das zeigen 31 abgeschlossene Fälle/);
      // Nobody waiting at this step: the forecast is under a week, in words (never "-0 weeks").
      assert.match((await appointment.textContent()) ?? '', /warten voraussichtlich weniger als eine Woche/);
      const decision = steps.getByRole('region', { name: 'Entscheidung über das Visum' });
      assert.match(
        (await decision.textContent()) ?? '',
        /Noch nicht genug Daten: erst 2 abgeschlossene Fälle/,
      );
      assert.match((await decision.textContent()) ?? '', /Gerade ist 1 Fall offen/);
      await check('waiting-office-steps');
      await page.goto(`${h.base}/en/waiting-times/jt-mission`);
      assert.equal(await page.getByRole('heading', { name: 'Visa decision', level: 3 }).count(), 1);
      await check('waiting-office-steps-en');
    });
  });
}
