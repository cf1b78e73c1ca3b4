import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SENTENCES } from '../../src/domain/journey/history.ts';
import { startJourneyUrl } from '../../src/features/journey/paths.tsx';
import { makeAccount, makeOrganisation, sessionFor } from '../support/identity.ts';
import { type Browser as Party, setUpWay } from '../support/journey.ts';
import { axeViolations, type Harness, partyPages, SKIP_REASON, startHarness } from './harness.ts';

/**
 * The whole way in the browser, JavaScript on and off: the applicant starts a journey → invites the employer,
 * who starts the accelerated procedure → the recognition officer decides → the foreigners' office pre-approves →
 * the mission books the appointment and decides → the local foreigners' office issues the permit; on the way the
 * applicant adds her daughter, whose linked journey links back. Every page is axe-clean and every party sees the
 * same status.
 */
for (const javaScript of [true, false]) {
  describe(`the journey with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let b: (name: string) => Party;
    let parties: ReturnType<typeof partyPages>;
    const as = (name: string) => parties.as(name);
    let journeyUrl = '';

    before(async () => {
      h = await startHarness();
      const way = await setUpWay(h.app, h.testApp.database.db, { makeOrganisation, makeAccount, sessionFor });
      b = way.b;
      parties = partyPages(h, (name) => b(name).cookie, javaScript);
    });
    after(async () => {
      await parties?.close();
      await h?.close();
    });

    async function clean(page: Page, what: string) {
      assert.deepEqual(await axeViolations(page), [], what);
    }

    async function decide(
      who: string,
      step: string,
      action: string,
      outcome?: string,
      more?: (page: Page) => Promise<void>,
    ) {
      const page = await as(who);
      await page.goto(`${journeyUrl}/schritte/${step}`);
      await page.getByLabel(action).check();
      if (outcome) {
        await page.getByLabel(outcome, { exact: true }).check();
        await page.getByLabel('Begründung').fill('Alle Voraussetzungen liegen vor.');
      }
      if (more) await more(page);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.waitForURL(/done=1/);
      assert.match(await page.content(), /Gespeichert/);
      await clean(page, `${who} ${step}`);
    }

    async function submit(who: string, stepName: string) {
      const page = await as(who);
      await page.goto(journeyUrl);
      await page.getByRole('button', { name: `Jetzt beantragen: ${stepName}` }).click();
      await page.waitForURL(/done=1/);
    }

    async function statusOf(who: string, kind: string): Promise<string> {
      const page = await as(who);
      await page.goto(journeyUrl);
      return ((await page.locator(`#step-${kind} .journey-step-status`).textContent()) ?? '').trim();
    }

    it('the applicant starts a journey and sees what to do next', async () => {
      const page = await as('applicant');
      // As from a pathway result: "Mit diesem Weg beginnen" links here with the way chosen.
      await page.goto(`${h.base}${startJourneyUrl('de', 'aufenthg-18a')}`);
      await clean(page, 'Mein Weg');
      await page.getByRole('button', { name: 'Weg beginnen' }).click();
      await page.waitForLoadState();
      assert.match(await page.content(), /Bitte prüfen Sie Ihre Angaben|error-summary/);
      await clean(page, 'Mein Weg with errors');
      await page.getByLabel('Weg (Aufenthaltstitel)').selectOption('aufenthg-18a');
      await page.getByLabel('Berufsausbildung').check();
      await page.getByLabel('Durch Bundesrecht reglementiert').check();
      await page.getByLabel('Im Ausland').check();
      await page.getByLabel('Beruf', { exact: true }).fill('Pflegefachfrau');
      await page.getByLabel('Bundesland, in dem Sie arbeiten möchten').selectOption('SN');
      await page.getByLabel('Kreisschlüssel (AGS), wo Sie wohnen werden').fill('14626');
      await page.getByLabel(/Land, aus dem Sie sich bewerben/).fill('IN');
      await page.getByRole('button', { name: 'Weg beginnen' }).click();
      await page.waitForURL(/\/de\/wege\/[0-9a-f-]{36}$/);
      journeyUrl = page.url();
      const html = await page.content();
      assert.match(html, /Was als Nächstes zu tun ist/);
      assert.match(html, /Wer was sehen kann/);
      await clean(page, 'journey page');
      // One next step, a task list with a status per step, a history in words (issue 14).
      const text = (await page.locator('main').textContent()) ?? '';
      for (const type of Object.keys(SENTENCES))
        assert.ok(!text.includes(type), `shows the event name ${type}`);
      assert.match(text, /Ihr Weg wurde begonnen/);
      assert.equal(await page.locator('main .kern-btn--primary').count(), 1);
      assert.match(
        String(await page.locator('#step-orientation .kern-task-list__status').textContent()),
        /Als Nächstes/,
      );
      for (const kind of ['visa-decision', 'entry-registration', 'integration'])
        assert.match(
          String(await page.locator(`#step-${kind} .kern-task-list__status`).textContent()),
          /Kann noch nicht beginnen/,
          kind,
        );
      await page.getByRole('button', { name: 'Jetzt beantragen: Orientierung und Beratung' }).click();
      await page.waitForURL(/done=1/);
      assert.equal(await page.locator('main .kern-btn--primary').count(), 1);
      await page.getByLabel('Arbeitgeber').selectOption({ label: 'Pflegeheim Neiße GmbH' });
      await page.getByRole('button', { name: 'Arbeitgeber einladen' }).click();
      await page.waitForURL(/done=1/);
    });

    it('the applicant adds a family member (error summary first); the family section links to the linked journey, which links back', async () => {
      const page = await as('applicant');
      await page.goto(journeyUrl);
      await page.getByRole('link', { name: 'Familienangehörige hinzufügen' }).click();
      await page.waitForURL(/\/familie\/neu$/);
      await clean(page, 'add a family member');
      await page.getByRole('button', { name: 'Hinzufügen und einladen' }).click();
      await page.waitForLoadState();
      assert.match(await page.content(), /error-summary/);
      await clean(page, 'add a family member with errors');
      await page.getByLabel('Minderjähriges Kind').check();
      await page.getByLabel('Name', { exact: true }).fill('Anaya Nair');
      await page.getByLabel('Geburtsdatum').fill('2019-08-21');
      await page.getByLabel('Kommt später nach').check();
      await page.getByLabel('E-Mail-Adresse der Person').fill('anaya@example.org');
      await page.getByRole('button', { name: 'Hinzufügen und einladen' }).click();
      await page.waitForURL(/done=1/);
      await clean(page, 'journey page with the family');
      await page.getByRole('link', { name: 'Anaya Nair' }).click();
      await page.waitForURL(/\/de\/wege\/[0-9a-f-]{36}$/);
      assert.notEqual(page.url(), journeyUrl);
      assert.match(await page.content(), /Minderjähriges Kind/);
      await clean(page, 'the linked journey');
      await page.getByRole('link', { name: 'Zum Weg der Fachkraft' }).click();
      await page.waitForURL(journeyUrl);
    });

    it('the employer sees its tasks (fee 411 €) and starts the accelerated procedure', async () => {
      const page = await as('employer');
      await page.goto(journeyUrl);
      assert.match(await page.content(), /411 €/);
      await clean(page, 'employer view');
      await page.getByLabel(/Vollmacht/).check();
      await page.getByRole('button', { name: 'Beschleunigtes Verfahren beginnen' }).click();
      await page.waitForURL(/done=1/);
      assert.match(await statusOf('applicant', 'accelerated-procedure'), /Eingereicht/);
    });

    it('the recognition officer confirms receipt and decides; everyone sees the decision', async () => {
      await submit('applicant', 'Arbeitsplatzangebot');
      await decide('employer', 'job-offer', 'Entscheiden', 'Positiv');
      await submit('applicant', 'Anerkennung Ihrer Qualifikation');
      const queue = await as('recognition');
      await queue.goto(`${h.base}/de/behoerde/arbeitsliste`);
      assert.match(await queue.content(), /Arbeitsliste/);
      await clean(queue, 'work queue');
      await decide('recognition', 'recognition', 'Eingang bestätigen und Prüfung beginnen');
      await decide('recognition', 'recognition', 'Entscheiden', 'Positiv', async (page) => {
        await page.getByLabel(/Geburtsdatum/).fill('1994-03-12');
        await page.getByLabel('Beruf (Schlüssel im Register)').selectOption('nurse');
        await page.getByLabel('Berufsbezeichnung wie im Bescheid').fill('Pflegefachfrau');
        await page.getByLabel('Rechtsgrundlage').fill('§ 2 PflBG');
      });
      assert.match(await (await as('recognition')).content(), /Anerkennungsnachweis .* wurde ausgestellt/);
      for (const who of ['applicant', 'employer', 'recognition']) {
        assert.match(await statusOf(who, 'recognition'), /Entschieden: Positiv/, who);
      }
    });

    it('the fee stays open until the foreigners’ office records the payment', async () => {
      const feeTask = async () => {
        const employer = await as('employer');
        await employer.goto(journeyUrl);
        return (
          (await employer.locator('#employer-tasks ~ ul li', { hasText: 'Gebühr' }).textContent()) ?? ''
        ).trim();
      };
      assert.match(await feeTask(), /Zahlen Sie die Gebühr .*411 €.*\(offen\)/);
      const office = await as('zab');
      await office.goto(`${journeyUrl}/schritte/accelerated-procedure`);
      await office.getByLabel('Zahlungszeichen').fill('KASSE-2026-0815');
      await office.getByRole('button', { name: 'Zahlung von 411 € erfassen' }).click();
      await office.waitForURL(/done=1/);
      assert.match(await office.content(), /Bezahlt: 411 €, erfasst am/);
      await clean(office, 'fee recorded');
      assert.match(
        await feeTask(),
        /Gebühr für das beschleunigte Verfahren ist bezahlt: 411 €.*\(erledigt\)/,
      );
    });

    it('the foreigners’ office pre-approves, the agency approves, the mission books and decides', async () => {
      await decide('zab', 'accelerated-procedure', 'Entscheiden', 'Positiv');
      if (!/Nicht nötig/.test(await statusOf('applicant', 'ba-approval'))) {
        const employer = await as('employer');
        await employer.goto(journeyUrl);
        const declaration = employer.getByRole('button', { name: /Beschäftigungsverhältnis/ });
        if ((await declaration.count()) > 0) {
          await declaration.click();
          await employer.waitForURL(/done=1/);
          await decide('ba', 'ba-approval', 'Entscheiden', 'Positiv');
        }
      }
      await submit('applicant', 'Termin für den Visumantrag');
      await decide('mission', 'visa-appointment', 'Entscheiden', 'Positiv');
      await submit('applicant', 'Entscheidung über das Visum');
      await decide('mission', 'visa-decision', 'Eingang bestätigen und Prüfung beginnen');
      await decide('mission', 'visa-decision', 'Entscheiden', 'Positiv');
      assert.match(await statusOf('employer', 'visa-decision'), /Entschieden: Positiv/);
    });

    it('the local foreigners’ office registers the entry and issues the permit; all parties agree', async () => {
      await submit('applicant', 'Einreise und Anmeldung der Wohnung');
      await decide('abh', 'entry-registration', 'Entscheiden', 'Positiv');
      await submit('applicant', 'Aufenthaltserlaubnis');
      await decide('abh', 'residence-permit', 'Entscheiden', 'Positiv');
      for (const who of ['applicant', 'employer', 'abh', 'mission']) {
        assert.match(await statusOf(who, 'residence-permit'), /Entschieden: Positiv/, who);
      }
      const page = await as('applicant');
      await page.goto(journeyUrl);
      await clean(page, 'journey page at the end');
      const text = (await page.locator('main').textContent()) ?? '';
      for (const type of Object.keys(SENTENCES))
        assert.ok(!text.includes(type), `shows the event name ${type}`);
      assert.match(text, /Ihr Arbeitgeber hat das beschleunigte Fachkräfteverfahren begonnen\./);
      assert.ok((await page.locator('main .kern-btn--primary').count()) <= 1);
    });
  });
}
