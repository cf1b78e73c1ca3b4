import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { type Browser, pageClient } from '../../../test/support/journey.ts';
import { checkPage, loadKnowledge } from '../../../test/support/plain-language.ts';
import { addDays } from '../../domain/calendar.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { todayIso } from '../pathways/index.ts';
import { consent } from '../people/index.ts';
import { sendConditionNotices } from './reminders.ts';
import { companionHolder, companionNotice } from './schema.ts';

const TODAY = todayIso(new Date());
const typed = (iso: string) => iso.split('-').reverse().join('.');
/** Nine years in Germany and A2; whether the living comes from work is not said yet. */
const FORM = {
  state: 'TH',
  grantedOn: '01.06.2025',
  expiresOn: typed(addDays(TODAY, 200)),
  birthDate: '01.03.1987',
  inGermanySince: '01.05.2016',
  german: 'A2',
  livelihood: '',
  child: 'no',
  school: '',
};

describe('the notice when a condition is met (issue 18)', () => {
  let t: TestApp;
  const browsers: Record<string, Browser> = {};

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const centre = await makeOrganisation(db, {
      slug: 'met-centre',
      name: 'Beratung Erfurt',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    await makeOrganisation(db, {
      slug: 'met-other',
      name: 'Beratung Jena',
      kind: 'counselling-centre',
      jurisdictions: [],
    });
    for (const [name, role, org, email] of [
      ['holder', 'applicant', undefined, 'holder@met.example'],
      ['counsellor', 'counsellor', 'met-centre', 'counsellor@met.example'],
      ['stranger', 'counsellor', 'met-other', 'stranger@met.example'],
    ] as const) {
      const a = await makeAccount(db, role, org, { email });
      const s = await sessionFor(t.app, db, a.personId, role);
      browsers[name] = { personId: a.personId, ...s, organisationId: null };
    }
    await db
      .insert(consent)
      .values({ personId: browsers.holder?.personId ?? '', organisationId: centre, grantedAt: new Date() });
  });
  after(() => t.close());

  const client = () =>
    pageClient(t.app, (n) => {
      const b = browsers[n];
      if (!b) throw new Error(n);
      return b;
    });
  const mails = () =>
    t.database.db.select().from(outboxMail).where(like(outboxMail.toAddress, '%@met.example'));

  it('says nothing on the first entry: the page shows every condition anyway', async () => {
    const res = await client().form('holder', '/de/chancen-aufenthalt', FORM);
    assert.equal(res.statusCode, 303, res.body);
    assert.equal((await mails()).length, 0);
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.doesNotMatch(page.body, /Neu erfüllt/);
  });

  it('tells the holder and the consenting centre what is now met, what is open and the next step', async () => {
    const res = await client().form('holder', '/de/chancen-aufenthalt', { ...FORM, livelihood: 'yes' });
    assert.equal(res.statusCode, 303, res.body);
    const sent = await mails();
    const holder = sent.find((m) => m.toAddress === 'holder@met.example');
    assert.ok(holder);
    assert.match(holder.subject, /Voraussetzung ist jetzt erfüllt/);
    assert.match(holder.subject, /a condition is now met/);
    assert.match(holder.text, /Lebensunterhalt überwiegend durch Arbeit/);
    assert.match(holder.text, /Noch offen:/);
    assert.match(holder.text, /Still open:/);
    assert.doesNotMatch(holder.text, /livelihood-work|aufenthg-25b:/);
    const counsellor = sent.find((m) => m.toAddress === 'counsellor@met.example');
    assert.ok(counsellor);
    assert.ok(counsellor.text.includes(`/de/beratung/chancen-aufenthalt/${browsers.holder?.personId}`));
    assert.doesNotMatch(counsellor.text, /Lebensunterhalt/);
    assert.ok(!sent.some((m) => m.toAddress === 'stranger@met.example'));
    const page = await client().get('holder', '/de/chancen-aufenthalt');
    assert.match(page.body, /Neu erfüllt am/);
    assert.match(page.body, /Ihr nächster Schritt/);
    const en = await client().get('holder', '/en/opportunity-residence');
    assert.match(en.body, /Newly met on/);
    const id = browsers.holder?.personId ?? '';
    const seen = await client().get('counsellor', `/de/beratung/chancen-aufenthalt/${id}`);
    assert.match(seen.body, /Neu erfüllt am/);
    const knowledge = loadKnowledge();
    for (const [html, locale, staff] of [
      [page.body, 'de', false],
      [en.body, 'en', false],
      [seen.body, 'de', true],
    ] as const)
      assert.deepEqual(checkPage({ html, locale, staff, administrator: false }, knowledge), [], locale);
  });

  it('tells nothing again when nothing new is met', async () => {
    const before = (await mails()).length;
    await client().form('holder', '/de/chancen-aufenthalt', { ...FORM, livelihood: 'yes', child: 'no' });
    assert.equal((await mails()).length, before);
  });

  it('tells a holder whose conditions the date has met, once, in the daily job', async () => {
    const db = t.database.db;
    const a = await makeAccount(db, 'applicant', undefined, { email: 'daily@met.example' });
    await db.insert(companionHolder).values({
      personId: a.personId,
      stateCode: 'MV',
      permitGrantedOn: '2025-06-01',
      permitExpiresOn: addDays(TODAY, 300),
      birthDate: '1980-01-01',
      inGermanySince: '2015-01-01',
      german: 'B1',
      livelihoodMainlyFromWork: true,
      livesWithMinorChild: false,
      germanSchoolOrQualification: false,
      announcedMet: [],
      updatedAt: new Date(),
    });
    const deps = { mailer: createMailer({ from: 'noreply@example.org' }), baseUrl: 'https://cr.example' };
    assert.ok((await sendConditionNotices(db, deps, new Date())) >= 1);
    assert.equal(await sendConditionNotices(db, deps, new Date()), 0);
    const daily = (await mails()).filter((m) => m.toAddress === 'daily@met.example');
    assert.equal(daily.length, 1);
    assert.match(daily[0]?.text ?? '', /Antrag bei Ihrer Ausländerbehörde/);
    const notices = await db
      .select()
      .from(companionNotice)
      .where(eq(companionNotice.subjectPersonId, a.personId));
    assert.equal(notices.length, 1);
  });
});
