import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { checkPage, type Harness, SKIP_REASON, startHarness } from '../../../test/e2e/harness.ts';
import { signedInPage } from '../../../test/e2e/officer-page.ts';
import { makeAccount, makeOrganisation } from '../../../test/support/identity.ts';

/** The activity register's pages in a browser without JavaScript: axe-clean and no sideways scrolling at 390 px. */
describe('activity register pages in the browser', { skip: SKIP_REASON }, () => {
  let h: Harness;
  const contexts: BrowserContext[] = [];

  const signedIn = (personId: string) => signedInPage(h, contexts, personId);

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h?.close();
  });

  it('records activities of two states and shows their overlap, every page clean', async () => {
    const db = h.testApp.database.db;
    const officers: Record<string, Page> = {};
    for (const code of ['SN', 'TH']) {
      await makeOrganisation(db, {
        slug: `axe-act-${code.toLowerCase()}`,
        name: `Ministerium ${code}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: code }],
      });
      officers[code] = await signedIn(
        (await makeAccount(db, 'ministry-officer', `axe-act-${code.toLowerCase()}`)).personId,
      );
    }
    for (const [code, title, start] of [
      ['SN', 'Pflegekräfte aus Vietnam', '01.03.2026'],
      ['TH', 'Pflege in Vietnam', '01.06.2026'],
    ] as const) {
      const page = officers[code] as Page;
      await page.goto(`${h.base}/de/laender/aktivitaeten/neu`);
      await checkPage(page, `activity-new-${code}`, false);
      if (code === 'SN') {
        await page.getByRole('button', { name: 'Aktivität speichern' }).click();
        await page.waitForSelector('#error-summary');
        await checkPage(page, 'activity-new-422', false);
      }
      await page.getByLabel('Art der Aktivität').selectOption('recruitment-project');
      await page.getByLabel('Titel', { exact: true }).fill(title);
      await page.getByLabel('Zielländer').selectOption(['VN']);
      await page.getByLabel('Beginn', { exact: true }).fill(start);
      await page.getByLabel('Ende', { exact: true }).fill('31.12.2026');
      await page.getByLabel('Name', { exact: true }).fill('Andrea Wolf');
      await page.getByLabel('E-Mail-Adresse').fill('andrea.wolf@example.org');
      await page.getByLabel('läuft', { exact: true }).check();
      await page.getByLabel('Öffentlich zeigen (ohne Ansprechperson)').check();
      await page.getByRole('button', { name: 'Aktivität speichern' }).click();
      await page.waitForURL(/\/de\/laender\/aktivitaeten\/[0-9a-f-]{36}$/);
      await checkPage(page, `activity-${code}`, false);
    }
    const sn = officers.SN as Page;
    await sn.getByRole('link', { name: 'Diese Aktivität ändern' }).click();
    await sn.waitForURL(/\/bearbeiten$/);
    await checkPage(sn, 'activity-edit', false);
    const th = officers.TH as Page;
    await th.goto(`${h.base}/de/laender/aktivitaeten?country=VN&occupation=pflege`);
    await checkPage(th, 'activity-register', false);
    await th.goto(`${h.base}/en/states/overlaps`);
    assert.match(await th.content(), /With Saxony/);
    await checkPage(th, 'activity-overlaps', false);
    await th.getByRole('link', { name: 'Propose a joint activity with Saxony' }).click();
    await th.waitForURL(/\/en\/states\/activities\/new\?/);
    await checkPage(th, 'activity-proposal', false);
    const visitor = await h.axeContext(false);
    contexts.push(visitor);
    const pub = await visitor.newPage();
    await pub.goto(`${h.base}/de/aktivitaeten-der-laender`);
    assert.doesNotMatch(await pub.content(), /andrea\.wolf/);
    await checkPage(pub, 'activities-public', false);
  });
});
