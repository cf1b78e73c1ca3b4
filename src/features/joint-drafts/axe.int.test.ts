import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { checkPage, type Harness, SKIP_REASON, startHarness } from '../../../test/e2e/harness.ts';
import { ministryOfficerPage } from '../../../test/e2e/officer-page.ts';
import { addDays } from '../../domain/calendar.ts';

const typed = (days: number) =>
  addDays(new Date().toISOString().slice(0, 10), days).split('-').reverse().join('.');

/** The joint draft pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('joint draft pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  const officerOf = (state: string) => ministryOfficerPage(h, contexts, state, 'axe-jd');

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('starts a draft, adds a version, compares and signs off, every page clean', async () => {
    const page = await officerOf('SN');
    await page.goto(`${h.base}/de/laender/entwuerfe`);
    await checkPage(page, 'drafts-list-empty', false);
    await page.getByRole('link', { name: 'Gemeinsamen Entwurf anlegen' }).click();
    await page.waitForURL(/\/de\/laender\/entwuerfe\/neu$/);
    await checkPage(page, 'drafts-create', false);
    await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.waitForSelector('#error-summary');
    await checkPage(page, 'drafts-create-422', false);
    await page.getByLabel('Beschlussvorschlag').check();
    await page.getByLabel('Titel des Entwurfs').fill('Anerkennung beschleunigen');
    await page.getByLabel('Für welche Konferenz?').selectOption({ label: 'Integrationsministerkonferenz' });
    await page.getByLabel('Tag der Konferenz').fill(typed(30));
    await page.getByLabel('Zeichnung bis').fill(typed(20));
    await page.getByLabel('Thüringen', { exact: true }).check();
    await page.getByLabel('Text der ersten Fassung').fill('Erster Absatz.\n\nZweiter Absatz.');
    await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await page.waitForURL(/\/de\/laender\/entwuerfe\/[0-9a-f-]{36}$/);
    await checkPage(page, 'drafts-draft', false);
    await page
      .getByLabel('Vollständiger Text der neuen Fassung')
      .fill('Erster Absatz, geändert.\n\nZweiter Absatz.\n\nDritter.');
    await page.getByRole('button', { name: 'Neue Fassung speichern' }).click();
    await page.waitForSelector('text=Fassung 2 vom');
    await page.getByRole('link', { name: 'Fassung 1 mit Fassung 2 vergleichen' }).click();
    await page.waitForURL(/\/vergleich\?from=1&to=2$/);
    await checkPage(page, 'drafts-compare', false);
    assert.equal((await page.locator('ins').count()) > 0, true);
    const url = page
      .url()
      .replace(/\/vergleich.*$/, '')
      .replace('/de/laender/entwuerfe/', '/en/states/drafts/');
    const thuringia = await officerOf('TH');
    await thuringia.goto(url);
    await checkPage(thuringia, 'drafts-draft-en', false);
    await thuringia.getByLabel('We decline').check();
    await thuringia.getByRole('button', { name: 'Save the sign-off' }).click();
    await thuringia.waitForSelector('#error-summary');
    await checkPage(thuringia, 'drafts-sign-off-422', false);
    await thuringia.getByLabel('We agree', { exact: true }).check();
    await thuringia.getByRole('button', { name: 'Save the sign-off' }).click();
    await thuringia.waitForSelector('text=/Thuringia on version 2: agreed/');
    await checkPage(thuringia, 'drafts-signed', false);
    const berlin = await officerOf('BE');
    await berlin.goto(url);
    await checkPage(berlin, 'drafts-reader', false);
  });
});
