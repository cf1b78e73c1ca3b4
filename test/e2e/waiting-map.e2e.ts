import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Jurisdiction } from '../../src/domain/access/jurisdiction.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { actorOf, clockedJourneys } from '../support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { OPEN_BODY, setUpWay } from '../support/journey.ts';
import { checkPage, type Harness, SKIP_REASON, startHarness } from './harness.ts';

/**
 * The overload map in the browser, JavaScript on and off: reached from the overview, one image and one table per
 * state and for the missions, axe-clean and no sideways scrolling at 390 px. The foreigners' office of Görlitz and
 * the mission in India get enough finished cases for a colour (the mission is red: one open § 81a visa appointment
 * is past its deadline); the other offices have none or too few.
 */
const DAY = 86_400_000;

for (const javaScript of [true, false]) {
  describe(`overload map with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let context: BrowserContext;
    let page: Page;

    before(async () => {
      h = await startHarness();
      const db = h.testApp.database.db;
      const { b, orgs } = await setUpWay(h.app, db, { makeOrganisation, makeAccount, sessionFor });
      let clock = new Date();
      const service = clockedJourneys(db, () => clock);
      const actor = (who: string, role: Role, org: string | null, j: Jurisdiction[]) =>
        actorOf(b(who).personId, role, org ? (orgs[org] ?? null) : null, j);
      const applicant = actor('applicant', 'applicant', null, []);
      const mission = actor('mission', 'mission-officer', 'jt-mission', [
        { scope: 'country', countryCode: 'IN' },
      ]);
      const abh = actor('abh', 'foreigners-office-caseworker', 'jt-abh', [
        { scope: 'district', ags: '14626' },
      ]);
      // 34 finished cases at the mission (visa appointment) and at the office of Görlitz (residence permit).
      const start = Date.now() - 150 * DAY;
      for (let i = 0; i < 34; i++) {
        clock = new Date(start + i * 2 * DAY);
        const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
        for (const [step, officer, weeks] of [
          ['visa-appointment', mission, 1 + (i % 4)],
          ['residence-permit', abh, 2 + (i % 10)],
        ] as const) {
          await service.command(applicant, id, { type: 'submit', step });
          clock = new Date(clock.getTime() + weeks * 7 * DAY);
          await service.command(officer, id, { type: 'decide', step, outcome: 'positive' });
        }
      }
      // One visa appointment in the § 81a procedure, pre-approved and requested 40 days ago and still open: its
      // three weeks (§ 31a(1) AufenthV) are past.
      const employer = actor('employer', 'employer-admin', 'jt-employer', []);
      clock = new Date(Date.now() - 40 * DAY);
      const late = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, late, {
        type: 'invite-employer',
        employerId: orgs['jt-employer'] as string,
      });
      await service.command(employer, late, { type: 'start-accelerated-procedure', powerOfAttorney: true });
      const zab = actor('zab', 'foreigners-office-caseworker', 'jt-zab', [
        { scope: 'state', stateCode: 'SN' },
      ]);
      const pre = await service.command(zab, late, {
        type: 'decide',
        step: 'accelerated-procedure',
        outcome: 'positive',
      });
      assert.equal(pre.status, 200, JSON.stringify(pre.body));
      await service.command(applicant, late, { type: 'submit', step: 'visa-appointment' });
      context = await h.axeContext(javaScript);
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
      await h?.close();
    });

    it('reaches the map from the overview and shows every state and the missions as image and table', async () => {
      await page.goto(`${h.base}/de/wartezeiten`);
      await Promise.all([
        page.waitForURL(/\/de\/wartezeiten\/karte$/),
        page.getByRole('link', { name: /^Karte: Wartezeiten/ }).click(),
      ]);
      assert.equal(await page.getByRole('img', { name: /^Karte von / }).count(), 6);
      assert.equal(await page.getByRole('img', { name: /^Karte der Auslandsvertretungen/ }).count(), 1);
      const sn = page.getByRole('table', { name: 'Sachsen: Kreise und zuständige Ausländerbehörde' });
      assert.equal(await sn.getByRole('row').count(), 14, 'the header and 13 districts');
      const goerlitz = sn.getByRole('row', { name: /Görlitz/ });
      assert.match((await goerlitz.textContent()) ?? '', /Überlastet|Angespannt|Im Rahmen/);
      const delhi = page
        .getByRole('table', { name: 'Auslandsvertretungen und ihre Wartezeiten' })
        .getByRole('row', { name: /Botschaft New Delhi/ });
      assert.match(
        (await delhi.textContent()) ?? '',
        /Indien.*Überlastet.*Bei 1 Antrag ist die gesetzliche Frist/,
      );
      await checkPage(page, 'waiting-map', javaScript);
      await page.goto(`${h.base}/en/waiting-times/map`);
      assert.equal(await page.getByRole('img', { name: /^Map of / }).count(), 7);
      await checkPage(page, 'waiting-map-en', javaScript);
    });
  });
}
