import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { checkPage, type Harness, SKIP_REASON, startHarness } from '../../../test/e2e/harness.ts';
import { ministryOfficerPage } from '../../../test/e2e/officer-page.ts';

/** The joint project pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('joint project pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  const officerOf = (state: string) => ministryOfficerPage(h, contexts, state, 'axe-jp');

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('starts a project shared by the Königstein key and lets another state agree, every page clean', async () => {
    const page = await officerOf('SN');
    await page.goto(`${h.base}/de/laender/projekte`);
    await checkPage(page, 'joint-list-empty', false);
    await page.getByRole('link', { name: 'Gemeinsames Projekt anlegen' }).click();
    await checkPage(page, 'joint-create', false);
    await page.getByRole('button', { name: 'Projekt anlegen und Kosten verteilen' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'joint-create-422', false);
    await page.getByLabel('Titel des Projekts').fill('Fachkräfte aus Indien: gemeinsame Messe');
    await page.getByLabel('Thüringen', { exact: true }).check();
    await page.getByLabel('Sachsen-Anhalt', { exact: true }).check();
    await page.getByLabel('Budget in Euro').fill('90.000,00');
    await page.getByLabel('Königsteiner Schlüssel', { exact: true }).check();
    await page.getByRole('button', { name: 'Projekt anlegen und Kosten verteilen' }).click();
    await page.waitForURL(/\/de\/laender\/projekte\/[0-9a-f-]{36}$/);
    assert.match(await page.content(), /90\.000,00(&nbsp;|\s)€/);
    await checkPage(page, 'joint-project', false);
    const url = page.url().replace('/de/laender/projekte/', '/en/states/projects/');
    const thuringia = await officerOf('TH');
    await thuringia.goto(url);
    await checkPage(thuringia, 'joint-project-en', false);
    await thuringia.getByLabel('We agree to the project and how its costs are shared').check();
    await thuringia.getByRole('button', { name: 'Save the answer' }).click();
    await thuringia.waitForSelector('text=/1 of 3 states have agreed/');
    await checkPage(thuringia, 'joint-project-agreed', false);
    const berlin = await officerOf('BE');
    await berlin.goto(url);
    await checkPage(berlin, 'joint-project-reader', false);
  });
});
