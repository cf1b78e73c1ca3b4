import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, like } from 'drizzle-orm';
import { PDFDocument, PDFName } from 'pdf-lib';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { addDays } from '../../domain/calendar.ts';
import { auditEntry } from '../../platform/audit/schema.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { sendDraftReminders } from './reminders.ts';
import { jointDraft, jointDraftComment, jointDraftSignOff, jointDraftVersion } from './schema.ts';

type Session = { cookie: string; csrfToken: string };

const today = new Date().toISOString().slice(0, 10);
/** A day from today as people type it: `20.01.2027`. */
const typed = (days: number) => addDays(today, days).split('-').reverse().join('.');

const TEXT =
  'Die Länder bitten den Bund, die Anerkennung zu beschleunigen.\n\nDie Länder richten eine gemeinsame Stelle ein.';
const FORM = (over: Record<string, string | string[]> = {}) => ({
  kind: 'resolution',
  title: 'Schnellere Anerkennung in Ostdeutschland',
  target: 'asmk',
  targetDate: typed(40),
  deadline: typed(30),
  states: ['SN', 'TH'],
  text: TEXT,
  ...over,
});

/** Codes a person must never read on these pages. */
const CODES = />\s*(SN|TH|BE|asmk|resolution|agree|decline|agree-with-remarks|in-sign-off|final)\s*</;

describe('joint drafts and sign-off (issue 17)', () => {
  let t: TestApp;
  const officers: Record<string, Session> = {};
  let draftId = '';

  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    for (const state of ['SN', 'TH', 'BE']) {
      const slug = `jd-ministry-${state.toLowerCase()}`;
      await makeOrganisation(db, {
        slug,
        name: `Ministerium ${state}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: state }],
      });
      const a = await makeAccount(db, 'ministry-officer', slug, {
        email: `officer-${state.toLowerCase()}@jd.example`,
      });
      officers[state] = await sessionFor(t.app, db, a.personId, 'ministry-officer');
    }
  });
  after(() => t.close());

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const post = (s: Session, url: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams({ _csrf: s.csrfToken });
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    return t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  };
  const rows = async (table: typeof jointDraft | typeof jointDraftSignOff | typeof jointDraftComment) =>
    (await t.database.db.select({ n: count() }).from(table))[0]?.n;
  const url = (tail = '') => `/de/laender/entwuerfe/${draftId}${tail}`;
  const SN = () => officers.SN as Session;
  const TH = () => officers.TH as Session;
  const BE = () => officers.BE as Session;

  it('shows the list and the form in both languages', async () => {
    for (const u of [
      '/de/laender/entwuerfe',
      '/en/states/drafts',
      '/de/laender/entwuerfe/neu',
      '/en/states/drafts/new',
    ]) {
      const page = await get(SN(), u);
      assert.equal(page.statusCode, 200, page.body);
      assert.doesNotMatch(page.body, CODES);
    }
  });

  it('refuses bad input with 422 naming the field, and writes nothing', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ title: '' }, 'field-title'],
      [{ kind: 'memo' }, 'field-kind'],
      [{ target: 'un' }, 'field-target'],
      [{ deadline: typed(41) }, 'field-deadline'],
      [{ deadline: typed(-1) }, 'field-deadline'],
      [{ targetDate: '31.02.2027' }, 'field-targetDate'],
      [{ states: ['SN'] }, 'field-states'],
      [{ states: ['TH', 'BE'] }, 'field-states'],
      [{ text: ' \n\n ' }, 'field-text'],
    ];
    for (const [over, field] of cases) {
      const res = await post(SN(), '/de/laender/entwuerfe/neu', FORM(over));
      assert.equal(res.statusCode, 422, JSON.stringify(over));
      assert.match(res.body, new RegExp(`href="#${field}"`), JSON.stringify(over));
    }
    assert.equal(await rows(jointDraft), 0);
  });

  it('starts a draft with its first version and shows it by plain names', async () => {
    const res = await post(SN(), '/de/laender/entwuerfe/neu', FORM());
    assert.equal(res.statusCode, 303, res.body);
    draftId = /\/entwuerfe\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1] ?? '';
    assert.ok(draftId);
    const page = await get(BE(), url());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Arbeits- und Sozialministerkonferenz/);
    assert.match(page.body, /Beschlussvorschlag/);
    assert.match(page.body, /Absatz 2/);
    assert.doesNotMatch(page.body, CODES);
    assert.doesNotMatch(page.body, /name="decision"/, 'a state not taking part signs nothing');
    const en = await get(TH(), `/en/states/drafts/${draftId}`);
    assert.match(en.body, /Conference of Labour and Social Affairs Ministers/);
    assert.match(en.body, /name="decision"/);
  });

  it('lets only an officer of that state sign off for it (403 otherwise), and wants remarks to decline', async () => {
    const wrong = await post(TH(), url('/zustimmung'), { state: 'SN', decision: 'agree' });
    assert.equal(wrong.statusCode, 403);
    const outsider = await post(BE(), url('/zustimmung'), { state: 'BE', decision: 'agree' });
    assert.equal(outsider.statusCode, 403);
    const denied = await t.database.db
      .select()
      .from(auditEntry)
      .where(and(eq(auditEntry.objectType, 'joint-draft-sign-off'), eq(auditEntry.result, 'denied')));
    assert.equal(denied.length, 2, 'both refusals are audited');
    const noReason = await post(TH(), url('/zustimmung'), { state: 'TH', decision: 'decline', remarks: ' ' });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#field-remarks"/);
    const noDecision = await post(TH(), url('/zustimmung'), { state: 'TH', decision: 'perhaps' });
    assert.equal(noDecision.statusCode, 422);
    assert.match(noDecision.body, /href="#field-decision"/);
    assert.equal(await rows(jointDraftSignOff), 0);
    assert.equal((await post(SN(), url('/zustimmung'), { state: 'SN', decision: 'agree' })).statusCode, 303);
    const declined = await post(TH(), url('/zustimmung'), {
      state: 'TH',
      decision: 'decline',
      remarks: 'Die gemeinsame Stelle braucht eine Finanzierung.',
    });
    assert.equal(declined.statusCode, 303);
    const page = await get(SN(), url());
    assert.match(page.body, /Von einem Land abgelehnt/);
    assert.match(page.body, /Die gemeinsame Stelle braucht eine Finanzierung\./);
  });

  it('takes comments per paragraph and refuses a paragraph that is not there', async () => {
    const bad = await post(BE(), url('/kommentar'), { version: '1', paragraph: '1', comment: 'Gut.' });
    assert.equal(bad.statusCode, 403);
    const none = await post(TH(), url('/kommentar'), { version: '1', paragraph: '3', comment: 'Gut.' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /href="#field-paragraph"/);
    assert.equal(await rows(jointDraftComment), 0);
    const ok = await post(TH(), url('/kommentar'), {
      version: '1',
      paragraph: '2',
      comment: 'Wer bezahlt die Stelle?',
    });
    assert.equal(ok.statusCode, 303);
    assert.match((await get(SN(), url())).body, /Kommentare zu Absatz 2[\s\S]*Wer bezahlt die Stelle\?/);
  });

  it('sets every sign-off back to open on a new version and keeps who agreed to which version', async () => {
    const same = await post(TH(), url('/fassung'), { text: TEXT });
    assert.equal(same.statusCode, 422);
    assert.match(same.body, /href="#field-text"/);
    const text = `${TEXT.replace('eine gemeinsame Stelle ein', 'eine gemeinsame Stelle ein, je zur Hälfte vom Bund bezahlt')}\n\nNeuer Schluss.`;
    assert.equal((await post(TH(), url('/fassung'), { text })).statusCode, 303);
    const versions = await t.database.db
      .select()
      .from(jointDraftVersion)
      .where(eq(jointDraftVersion.draftId, draftId));
    assert.deepEqual(versions.map((v) => [v.number, v.stateCode]).sort(), [
      [1, 'SN'],
      [2, 'TH'],
    ]);
    const page = await get(SN(), url());
    assert.match(page.body, /In der Zeichnung/);
    assert.equal((page.body.match(/noch offen/g) ?? []).length, 2, 'both states are open again');
    assert.match(page.body, /Sachsen zu Fassung 1: zugestimmt/);
    assert.match(page.body, /Thüringen zu Fassung 1: abgelehnt/);
    const diff = await get(BE(), url('/vergleich?from=1&to=2'));
    assert.equal(diff.statusCode, 200);
    assert.match(diff.body, /<ins><span class="kern-sr-only">\[eingefügt: <\/span><span lang="de">/);
    assert.match(diff.body, /Absatz hinzugefügt/);
    assert.match(diff.body, /je zur Hälfte vom Bund bezahlt/);
    assert.doesNotMatch(diff.body, CODES);
  });

  it('is final when every state agreed, then takes no new version; the exports give text and a PDF', async () => {
    assert.equal((await post(SN(), url('/zustimmung'), { state: 'SN', decision: 'agree' })).statusCode, 303);
    const remarks = {
      state: 'TH',
      decision: 'agree-with-remarks',
      remarks: 'Finanzierung bitte im Protokoll.',
    };
    assert.equal((await post(TH(), url('/zustimmung'), remarks)).statusCode, 303);
    const page = await get(SN(), url());
    assert.match(page.body, /Der Entwurf ist endgültig/);
    const late = await post(SN(), url('/fassung'), { text: 'Ganz anders.' });
    assert.equal(late.statusCode, 422);
    assert.match(late.body, /href="#field-draft"/);
    const text = await get(BE(), url('/text'));
    assert.equal(text.statusCode, 200);
    assert.match(String(text.headers['content-type']), /^text\/plain/);
    assert.match(
      String(text.headers['content-disposition']),
      /attachment; filename="entwurf-fassung-2\.txt"/,
    );
    assert.match(text.body, /Schnellere Anerkennung in Ostdeutschland/);
    assert.match(text.body, /Thüringen: mit Anmerkungen zugestimmt \(Finanzierung bitte im Protokoll\.\)/);
    assert.match(text.body, /Neuer Schluss\.\n$/);
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/en/states/drafts/${draftId}/pdf`,
      headers: { cookie: TH().cookie },
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /draft-version-2\.pdf/);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const doc = await PDFDocument.load(pdf.rawPayload);
    assert.ok(doc.catalog.get(PDFName.of('StructTreeRoot')), 'a tagged PDF');
    assert.equal(String(doc.catalog.get(PDFName.of('Lang'))), '(en)');
  });

  it('reminds the officers of states that have not signed within the days before the deadline, once a day', async () => {
    const res = await post(
      SN(),
      '/de/laender/entwuerfe/neu',
      FORM({ title: 'Stellungnahme Pflege', kind: 'statement', deadline: typed(5) }),
    );
    assert.equal(res.statusCode, 303);
    const deps = {
      mailer: createMailer({ from: 'noreply@example.org' }),
      baseUrl: 'https://cr.example',
      days: 7,
    };
    const db = t.database.db;
    const mails = () => db.select().from(outboxMail).where(like(outboxMail.toAddress, '%@jd.example'));
    assert.equal(await sendDraftReminders(db, { ...deps, days: 3 }, new Date()), 0, 'not yet within 3 days');
    assert.equal(await sendDraftReminders(db, deps, new Date()), 2);
    const sent = await mails();
    assert.deepEqual(sent.map((m) => m.toAddress).sort(), ['officer-sn@jd.example', 'officer-th@jd.example']);
    assert.match(sent[0]?.text ?? '', /Stellungnahme Pflege/);
    assert.match(sent[0]?.text ?? '', /https:\/\/cr\.example\/de\/laender\/entwuerfe\//);
    assert.equal(await sendDraftReminders(db, deps, new Date()), 0, 'once a day');
    assert.equal(await rows(jointDraft), 2);
  });
});
