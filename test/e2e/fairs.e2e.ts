import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { fairBooking } from '../../src/features/fairs/index.ts';
import { journey } from '../../src/features/journey/index.ts';
import { day, fairWorld, german } from '../support/fairs.ts';
import { checkPage, type Harness, partyPages, SKIP_REASON, startHarness } from './harness.ts';

/**
 * A joint online job fair in the browser without JavaScript, every page axe-clean and without sideways scrolling
 * at 390 px: Saxony's officer organises a fair with Thuringia, whose officer agrees for Thuringia; a confirmed
 * employer applies and is approved, publishes a slot; an applicant registers in her own time zone, books the slot
 * and downloads the calendar file; the employer records an offer and hands it off: the candidate's journey
 * exists with the employer invited.
 */
describe('a job fair of two states, from organising to the journey', { skip: SKIP_REASON }, () => {
  let h: Harness;
  let w: Awaited<ReturnType<typeof fairWorld>>;
  let parties: ReturnType<typeof partyPages>;
  const as = (name: string) => parties.as(name);

  before(async () => {
    h = await startHarness();
    w = await fairWorld(h.testApp);
    parties = partyPages(h, (name) => w.who[name]?.cookie ?? '', false);
  });
  after(async () => {
    await parties?.close();
    await h?.close();
  });

  async function submit(page: Page, name: string) {
    await Promise.all([
      page.waitForLoadState('load'),
      page.getByRole('button', { name, exact: true }).first().click(),
    ]);
    await page.waitForLoadState('load');
  }

  it('walks the whole fair', async () => {
    const sn = await as('sn');
    await sn.goto(`${h.base}/de/jobmessen`);
    await checkPage(sn, 'fairs-list-officer', false);
    await sn.getByRole('link', { name: 'Neue Messe ausrichten' }).click();
    await sn.waitForURL(/\/de\/jobmessen\/neu$/);
    await checkPage(sn, 'fairs-create', false);
    await submit(sn, 'Messe anlegen');
    assert.match(await sn.content(), /error-summary/);
    await checkPage(sn, 'fairs-create-422', false);
    await sn.getByLabel('Name der Messe').fill('Pflege in Sachsen und Thüringen');
    await sn.getByLabel('Erster Tag').fill(german(day(30)));
    await sn.getByLabel('Letzter Tag').fill(german(day(31)));
    await sn.getByLabel('Thüringen', { exact: true }).check();
    await sn.getByLabel('Für welche Länder ist die Messe?').selectOption(['IN', 'PH']);
    await sn.getByLabel('Beruf 1').fill('Softwareentwickler');
    await submit(sn, 'Messe anlegen');
    await sn.waitForURL(/\/de\/jobmessen\/[0-9a-f-]{36}\/organisation$/);
    await checkPage(sn, 'fairs-organise', false);
    const fairId = /jobmessen\/([0-9a-f-]{36})/.exec(sn.url())?.[1] ?? '';

    const th = await as('th');
    await th.goto(`${h.base}/en/job-fairs/${fairId}/organise`);
    await checkPage(th, 'fairs-organise-en', false);
    await th.getByLabel('Yes, our state organises this fair too').check();
    await submit(th, 'Save the answer');
    assert.match(await th.content(), /agreed on/);

    const firm = await as('firm');
    await firm.goto(`${h.base}/en/job-fairs/${fairId}`);
    await checkPage(firm, 'fairs-public', false);
    await firm.getByRole('link', { name: /Your stand/ }).click();
    await checkPage(firm, 'fairs-stand-apply', false);
    await submit(firm, 'Ask to take part');
    assert.match(await firm.content(), /waiting for an answer/);

    await sn.reload();
    await submit(sn, 'Zulassen (Pflege Leipzig GmbH)');
    await checkPage(sn, 'fairs-organise-approved', false);

    await firm.reload();
    await firm.getByLabel('Day').fill(german(day(30)));
    await firm.getByLabel('Start time').fill('09:00');
    await firm.getByLabel('Length in minutes').fill('30');
    await submit(firm, 'Add the time');
    assert.match(await firm.content(), /free/);
    await checkPage(firm, 'fairs-stand-slot', false);

    const ana = await as('ana');
    await ana.goto(`${h.base}/en/job-fairs/${fairId}`);
    await ana.getByRole('link', { name: 'Register for this fair' }).click();
    await checkPage(ana, 'fairs-registration', false);
    await ana.getByLabel('Your time zone').selectOption('Asia/Kolkata');
    await ana.getByLabel('Country where you live').selectOption('IN');
    await submit(ana, 'Register');
    assert.match(await ana.content(), /GMT\+5:30/);
    await checkPage(ana, 'fairs-registered', false);
    await ana.getByRole('button', { name: /^Book/ }).first().click();
    await ana.waitForLoadState('load');
    await checkPage(ana, 'fairs-booked', false);
    const href = await ana
      .getByRole('link', { name: /Save in your calendar/ })
      .first()
      .getAttribute('href');
    const ics = await ana.request.get(`${h.base}${href}`);
    assert.equal(ics.status(), 200);
    assert.match(ics.headers()['content-type'] ?? '', /text\/calendar/);
    assert.match(await ics.text(), /BEGIN:VEVENT/);

    await firm.reload();
    assert.match(await firm.content(), /Ana Beispiel/);
    await firm.getByLabel('Yes, they came').check();
    await firm.getByLabel('We offered a job').check();
    await submit(firm, 'Save (Ana Beispiel)');
    await checkPage(firm, 'fairs-stand-offer', false);
    await submit(firm, 'Start the way to Germany with this offer (Ana Beispiel)');
    assert.match(await firm.content(), /The way to Germany has started/);
    await checkPage(firm, 'fairs-stand-handed-off', false);

    const [b] = await w.db.select().from(fairBooking).where(eq(fairBooking.fairId, fairId));
    assert.ok(b?.journeyId);
    const [j] = await w.db.select().from(journey).where(eq(journey.id, b.journeyId));
    assert.equal(j?.employerId, w.employerId);
    assert.equal(j?.applicantId, w.who.ana?.personId);

    await sn.goto(`${h.base}/de/jobmessen/${fairId}/zahlen`);
    await checkPage(sn, 'fairs-figures', false);
  });
});
