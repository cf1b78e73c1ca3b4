import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { STEPS } from '../../src/features/pathways/questionnaire.ts';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

const GET_PAGES = [
  '/de/weg-finden',
  '/en/find-your-way',
  ...STEPS.map((s) => `/de${s.paths.de}`),
  ...STEPS.map((s) => `/en${s.paths.en}`),
  '/de/chancenkarte-punkte',
  '/en/opportunity-card-points?birthDate=1994-05-01&recognitionInGermany=partial&german=B1&english=C1&experienceYears=5&shortageOccupation=yes',
  '/de/chancenkarte-punkte?birthDate=1994-02-30',
  '/en/check-a-job-offer',
  '/de/stellenangebot-pruefen?jobIsco=Softwareentwickler&annualSalaryEur=52000&qualified=yes&matchesQualification=yes&contractMonths=24&weeklyHours=40&regulatedPermit=not-required&candidate=academic&location=abroad',
];

/** Answers the questionnaire in English with clicks and typing; ends on the summary page. */
async function answerEverything(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/en/find-your-way`);
  await page.getByRole('link', { name: 'Answer the questions' }).click();
  // Step 1 with the keyboard: type, Enter submits the form; the country is chosen by its name.
  await page.getByRole('radio', { name: 'abroad' }).check();
  await page.getByLabel('Citizenship').selectOption({ label: 'India' });
  await page.getByLabel('Date of birth').click();
  await page.keyboard.type('01.05.1994');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/residence$/);
  await page.getByLabel(/Your residence status/).selectOption('none');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/qualification$/);
  await page.getByRole('radio', { name: 'University degree' }).check();
  await page.getByLabel(/Occupation of your qualification/).fill('software developer');
  await page.getByLabel(/Recognition of your qualification/).selectOption('equivalent');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/work-experience$/);
  await page
    .getByRole('group', { name: /Do you have work experience/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByRole('group', { name: 'Job 1' }).getByLabel(/^From/).fill('2019-08-01');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/languages$/);
  await page.getByLabel(/^German/).selectOption('A1');
  await page.getByLabel(/^English/).selectOption('B2');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/job-offer$/);
  await page
    .getByRole('group', { name: /concrete job offer/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByLabel(/Occupation of the job/).fill('Softwareentwickler');
  await page.getByLabel(/Gross annual salary/).fill('52000');
  await page
    .getByRole('group', { name: /qualified employment/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page
    .getByRole('group', { name: /fit your qualification/ })
    .getByRole('radio', { name: 'Yes' })
    .check();
  await page.getByLabel(/Length of the employment contract/).fill('24');
  await page.getByLabel(/Permit to practise/).selectOption('not-required');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/more$/);
  await page.getByLabel(/How much money per month/).fill('1100');
  await page.getByRole('button', { name: 'Save and go to the summary' }).click();
  await page.waitForURL(/\/summary$/);
}

for (const javaScript of [true, false]) {
  describe(`pathway pages with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(() => h?.close());

    for (const path of GET_PAGES) {
      it(`${path} has no axe violations`, async () => {
        const context = await h.axeContext(javaScript);
        const page = await context.newPage();
        await page.goto(h.base + path);
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }

    it('a step with errors, the summary and the result have no axe violations', async () => {
      const context = await h.axeContext(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/find-your-way/about-you`);
      await page.getByLabel('Date of birth').fill('30.02.1994');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForSelector('#error-summary');
      assert.deepEqual(await axeViolations(page), []);
      await answerEverything(page, h.base);
      assert.deepEqual(await axeViolations(page), []);
      await page.getByRole('link', { name: 'Show the result' }).click();
      await page.waitForURL(/\/result$/);
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });

    it('walks the questionnaire with keyboard and clicks, changes an answer from the summary, shows the result', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await answerEverything(page, h.base);
      assert.match((await page.textContent('main')) ?? '', /52,000/);
      await page.getByRole('link', { name: /^Change\s+Gross annual salary in euros$/ }).click();
      await page.waitForURL(/job-offer\?return=summary/);
      await page.getByLabel(/Gross annual salary/).fill('60000');
      await page.getByRole('button', { name: 'Save and go to the summary' }).click();
      await page.waitForURL(/\/summary$/);
      assert.match((await page.textContent('main')) ?? '', /60,000/);
      await page.getByRole('link', { name: 'Show the result' }).click();
      await page.waitForURL(/\/result$/);
      const main = (await page.textContent('main')) ?? '';
      assert.match(main, /Open ways \([1-9]/);
      assert.match(main, /EU Blue Card/);
      assert.match(main, /60,000/);
      assert.ok(main.indexOf('Open ways') < main.indexOf('Not open at the moment'));
      // The closed ways sit in one closed disclosure that opens with a click, with or without JavaScript.
      const closed = page.locator('#closed-ways');
      assert.equal(await closed.getAttribute('open'), null);
      assert.equal(await closed.getByText(/Western Balkans regulation/).isVisible(), false);
      await closed.locator('summary').click();
      assert.notEqual(await closed.getAttribute('open'), null);
      assert.ok(await closed.getByText(/Western Balkans regulation/).isVisible());
      await context.close();
    });

    it('asks the country by name and the occupation by job name, offers a choice, and shows no code', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/de/weg-finden/zur-person`);
      await page.getByLabel('Geburtsdatum').fill('01.05.1994');
      await page.getByLabel('Staatsangehörigkeit').selectOption({ label: 'Kosovo' });
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/aufenthalt$/);
      await page.goto(`${h.base}/de/weg-finden/qualifikation`);
      await page.getByLabel(/Beruf Ihres Abschlusses/).fill('Lehrer');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForSelector('#error-summary');
      await page
        .getByRole('group', { name: /Welchen Beruf meinen Sie/ })
        .getByRole('radio', { name: /Lehrer\/in \(Sekundarstufe\)/ })
        .check();
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/berufserfahrung$/);
      await page
        .getByRole('group', { name: 'Tätigkeit 1' })
        .getByLabel(/^Beruf/)
        .fill('Krankenpfleger');
      await page.getByRole('group', { name: 'Tätigkeit 1' }).getByLabel(/^Von/).fill('01.08.2019');
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.waitForURL(/\/sprachen$/);
      await page.goto(`${h.base}/de/weg-finden/zusammenfassung`);
      const main = (await page.textContent('main')) ?? '';
      assert.match(main, /Kosovo/);
      assert.match(main, /Lehrer\/in \(Sekundarstufe\)/);
      assert.match(main, /Pflegefachfrau\/-mann/);
      assert.doesNotMatch(main, /\bXK\b|\b2330\b|\b3221\b|ISCO/);
      await context.close();
    });

    it('goes back a step with the back link and shows the saved answer', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await answerEverything(page, h.base);
      await page.goto(`${h.base}/en/find-your-way/residence`);
      await page.getByRole('link', { name: 'Back' }).click();
      await page.waitForURL(/\/about-you$/);
      assert.equal(await page.getByLabel('Date of birth').inputValue(), '1994-05-01');
      await context.close();
    });
  });
}
