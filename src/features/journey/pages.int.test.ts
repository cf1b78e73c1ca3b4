import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, pageClient, setUpWay } from '../../../test/support/journey.ts';
import { SENTENCES } from '../../domain/journey/history.ts';
import { document } from '../documents/schema.ts';
import { consent } from '../people/schema.ts';

/** The text a person reads (tags removed) names no event of the stream. */
function assertNoEventNames(html: string) {
  const text = html.replace(/<[^>]*>/g, ' ');
  for (const type of Object.keys(SENTENCES)) assert.ok(!text.includes(type), `shows the event name ${type}`);
  assert.doesNotMatch(text, /\b\d{4}-\d{2}-\d{2}\b/, 'shows an ISO date');
}

describe('journey pages (no JavaScript: forms post and redirect)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  let orgs: Record<string, string>;
  let id = '';
  before(async () => {
    t = await buildTestApp();
    const way = await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor });
    b = way.b;
    orgs = way.orgs;
  });
  after(() => t.close());

  const get = (who: string, url: string) => pageClient(t.app, b).get(who, url);
  const form = (who: string, url: string, fields: Record<string, string>) =>
    pageClient(t.app, b).form(who, url, fields);

  it('links the journey pages from the account page, by role', async () => {
    assert.match((await get('applicant', '/de/konto')).body, /href="\/de\/mein-weg"/);
    assert.match((await get('recognition', '/en/account')).body, /href="\/en\/authority\/work-queue"/);
    assert.match((await get('employer', '/de/konto')).body, /href="\/de\/arbeitgeber\/wege"/);
  });

  it('preselects the way when started from a pathway result', async () => {
    const page = await get('applicant', '/de/mein-weg?pathway=aufenthg-18b');
    assert.match(page.body, /<option value="aufenthg-18b" selected>/);
  });

  it('shows "Mein Weg" and re-renders bad input with 422 naming the fields', async () => {
    const page = await get('applicant', '/de/mein-weg');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Mein Weg/);
    const bad = await form('applicant', '/de/mein-weg', { pathway: 'aufenthg-18a' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /error-summary/);
    assert.match(bad.body, /href="#field-facts-qualification-kind"/);
  });

  it('opens a journey from the form and shows what to do next, steps and who sees what', async () => {
    const res = await form('applicant', '/en/my-journey', {
      pathway: 'aufenthg-18a',
      kind: 'vocational',
      regulation: 'federal',
      location: 'abroad',
      occupation: 'Nurse',
      stateCode: 'SN',
      districtAgs: '14626',
      countryCode: 'in',
    });
    assert.equal(res.statusCode, 303, res.body);
    const location = String(res.headers.location);
    const m = /^\/en\/journeys\/([0-9a-f-]{36})$/.exec(location);
    assert.ok(m, location);
    id = m[1] as string;
    const page = await get('applicant', location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /What to do next/);
    assert.match(page.body, /Who can see what/);
    assert.match(page.body, /Anerkennungsstelle Sachsen/);
    assert.match(page.body, /Your journey was started and its steps were planned\./);
    assertNoEventNames(page.body);
    // One next step: one primary button (the first step), a task list with a status per step, each heading once.
    assert.equal(page.body.match(/kern-btn--primary/g)?.length, 1);
    assert.match(page.body, /Apply now: Orientation/);
    assert.equal(page.body.match(/class="kern-task-list__item"/g)?.length, 9);
    assert.match(page.body, /id="step-orientation"[\s\S]*?>Next</);
    assert.match(
      page.body,
      /id="step-visa-decision"[\s\S]*?Waiting for “Visa appointment”[\s\S]*?>Cannot start yet</,
    );
    for (const heading of page.body.match(/<h2[^>]*>[^<]*/g) ?? [])
      assert.equal(page.body.split(heading).length, 2, `heading twice: ${heading}`);
  });

  it('lets the applicant invite the employer, who sees its own tasks with the § 81a fee', async () => {
    const res = await form('applicant', `/de/wege/${id}/befehl`, {
      type: 'invite-employer',
      employerId: orgs['jt-employer'] as string,
    });
    assert.equal(res.statusCode, 303, res.body);
    const page = await get('employer', `/en/journeys/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /411 €/);
    assert.match(page.body, /Documents shared with you/);
    assert.match(page.body, /has shared no documents with your organisation/);
    assert.equal(page.body.match(/kern-btn--primary/g)?.length, 1, 'one next action for the employer');
    assert.match(
      page.body,
      /kern-btn--primary" type="submit"><span class="kern-label">Send the employment declaration/,
    );
    assert.match(page.body, /Or: start the accelerated procedure/);
    const list = await get('employer', '/de/arbeitgeber/wege');
    assert.match(list.body, new RegExp(id));
  });

  it('refuses the § 81a start without power of attorney with the message, then starts it', async () => {
    const refused = await form('employer', `/en/journeys/${id}/command`, {
      type: 'start-accelerated-procedure',
    });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /That did not work/);
    const ok = await form('employer', `/en/journeys/${id}/command`, {
      type: 'start-accelerated-procedure',
      powerOfAttorney: 'yes',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    // A refusal about the journey's state (started already) goes to the journey page (post/redirect/get):
    // a reload reads the page again and does not send the form once more.
    const again = await form('employer', `/en/journeys/${id}/command`, {
      type: 'start-accelerated-procedure',
      powerOfAttorney: 'yes',
    });
    assert.equal(again.statusCode, 303, again.body);
    assert.match(String(again.headers.location), new RegExp(`^/en/journeys/${id}\\?refused=[a-z-]+$`));
    const shown = await get('employer', String(again.headers.location));
    assert.match(shown.body, /That did not work/);
  });

  it('keeps the § 81a fee open after the start until the owning office records the payment', async () => {
    const feeTask = (html: string) =>
      html.match(/<li>[^<]*accelerated procedure[^<]*€[^<]*(?:<a [^>]*>[^<]*<\/a>)?<\/li>/)?.[0] ?? '';
    const before = await get('employer', `/en/journeys/${id}`);
    assert.match(feeTask(before.body), /Pay the fee .* 411 €.*\(open\)/);
    // Each of the employer's tasks links to the section of the employer guide that explains it.
    assert.match(
      feeTask(before.body),
      /<a class="kern-link" href="\/en\/employers\/guide#fee">How this works/,
    );
    const stepUrl = `/en/journeys/${id}/steps/accelerated-procedure`;
    const seenByApplicant = await get('applicant', stepUrl);
    assert.match(seenByApplicant.body, /has not been recorded as paid yet/);
    assert.doesNotMatch(seenByApplicant.body, /name="reference"/, 'only the owning office records it');
    const office = await get('zab', stepUrl);
    assert.match(office.body, /Record payment of 411 €/);
    const empty = await form('zab', stepUrl, { action: 'record-fee-payment', reference: ' ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /href="#field-reference"/);
    assert.match(empty.body, /Payment reference/);
    const notOwner = await form('abh', stepUrl, { action: 'record-fee-payment', reference: 'KASSE-1' });
    assert.notEqual(notOwner.statusCode, 303, 'another office cannot record the fee');
    const paid = await form('zab', stepUrl, { action: 'record-fee-payment', reference: 'KASSE-2026-0815' });
    assert.equal(paid.statusCode, 303, paid.body);
    const shown = await get('zab', String(paid.headers.location));
    assert.match(shown.body, /Paid: 411 €, recorded on .* \(payment reference KASSE-2026-0815\)/);
    assert.doesNotMatch(shown.body, /name="reference"/);
    const again = await form('zab', stepUrl, { action: 'record-fee-payment', reference: 'KASSE-2' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /already been recorded as paid/);
    const after = await get('employer', `/en/journeys/${id}`);
    assert.match(feeTask(after.body), /fee for the accelerated procedure is paid: 411 €.*\(done\)/);
    const applicant = await get('applicant', `/de/wege/${id}`);
    assert.match(applicant.body, /Die Ausländerbehörde hat erfasst, dass Ihr Arbeitgeber die Gebühr/);
    assertNoEventNames(applicant.body);
  });

  it('puts the submitted recognition in the officer’s work queue; the decision form needs reasons', async () => {
    assert.equal(
      (await form('applicant', `/de/wege/${id}/befehl`, { type: 'submit', step: 'recognition' })).statusCode,
      303,
    );
    const queue = await get('recognition', '/de/behoerde/arbeitsliste');
    assert.equal(queue.statusCode, 200);
    assert.match(queue.body, new RegExp(`/de/wege/${id}/schritte/recognition`));
    const officer = await get('recognition', `/en/journeys/${id}`);
    assert.equal(officer.body.match(/kern-btn--primary/g)?.length, 1, 'one next action for the officer');
    assert.match(
      officer.body,
      new RegExp(`href="/en/journeys/${id}/steps/recognition"><span class="kern-label">Work on: `),
    );
    const step = await get('recognition', `/de/wege/${id}/schritte/recognition`);
    assert.equal(step.statusCode, 200);
    assert.match(step.body, /Benötigte Dokumente/);
    const noReason = await form('recognition', `/de/wege/${id}/schritte/recognition`, {
      action: 'decide',
      outcome: 'positive',
    });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /href="#field-reason"/);
    const review = await form('recognition', `/de/wege/${id}/schritte/recognition`, {
      action: 'start-review',
    });
    assert.equal(review.statusCode, 303);
    const decided = await form('recognition', `/de/wege/${id}/schritte/recognition`, {
      action: 'decide',
      outcome: 'positive',
      reason: 'Gleichwertig',
    });
    assert.equal(decided.statusCode, 422, 'the recognition record fields are needed');
    assert.match(decided.body, /href="#field-record-birthDate"/);
    const issued = await form('recognition', `/de/wege/${id}/schritte/recognition`, {
      action: 'decide',
      outcome: 'positive',
      reason: 'Gleichwertig',
      'record.birthDate': '1994-03-12',
      'record.professionKey': 'nurse',
      'record.professionTitle': 'Pflegefachfrau',
      'record.legalBasis': '§ 2 PflBG',
    });
    assert.equal(issued.statusCode, 303, issued.body);
    assert.match(String(issued.headers.location), /record=/);
    const notice = await get('recognition', String(issued.headers.location));
    assert.match(notice.body, /Anerkennungsnachweis .* wurde ausgestellt/);
    const seen = await get('applicant', `/de/wege/${id}`);
    assert.match(seen.body, /Entschieden: Positiv/);
    assert.match(seen.body, /Ihr Arbeitgeber hat das beschleunigte Fachkräfteverfahren begonnen\./);
    assert.match(seen.body, /Über „Anerkennung Ihrer Qualifikation“ wurde entschieden: positiv\./);
    assertNoEventNames(seen.body);
    const staff = await get('recognition', `/en/journeys/${id}`);
    assert.match(staff.body, /The employer started the accelerated procedure\./);
    assertNoEventNames(staff.body);
  });

  it('lets the applicant answer a request for documents with own uploaded documents (the clock resumes)', async () => {
    const api = apiClient(t.app);
    const opened = await api.open(b('stranger'));
    const sid = (opened.json() as { journeyId: string }).journeyId;
    await api.command(b('stranger'), sid, { type: 'submit', step: 'recognition' });
    await api.command(b('recognition'), sid, { type: 'start-review', step: 'recognition' });
    const asked = await form('recognition', `/de/wege/${sid}/schritte/recognition`, {
      action: 'request-documents',
      missing: 'Übersetzung des Zeugnisses',
    });
    assert.equal(asked.statusCode, 303);
    const docId = randomUUID();
    await t.database.db.insert(document).values({
      id: docId,
      ownerPersonId: b('stranger').personId,
      storageKey: randomBytes(16).toString('hex'),
      fileName: 'Uebersetzung.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 100,
      sha256: randomBytes(32).toString('hex'),
      category: 'translation',
      createdAt: new Date(),
    });
    const page = await get('stranger', `/de/wege/${sid}`);
    assert.match(page.body, /Ihre Unterlagen für/);
    assert.match(page.body, /Übersetzung des Zeugnisses/);
    assert.match(page.body, /Uebersetzung\.pdf/);
    const none = await form('stranger', `/de/wege/${sid}/befehl`, {
      type: 'submit-documents',
      step: 'recognition',
    });
    assert.equal(none.statusCode, 422, 'no document chosen');
    const sent = await form('stranger', `/de/wege/${sid}/befehl`, {
      type: 'submit-documents',
      step: 'recognition',
      documents: docId,
    });
    assert.equal(sent.statusCode, 303, sent.body);
    const j = (await api.get(b('stranger'), sid)).json() as { steps: { kind: string; status: string }[] };
    assert.equal(j.steps.find((x) => x.kind === 'recognition')?.status, 'in-review');
  });

  it('hides the journey from other authorities and shows it to a consenting counsellor only', async () => {
    assert.equal((await get('recognition-th', `/de/wege/${id}`)).statusCode, 404);
    assert.equal((await get('counsellor', `/de/wege/${id}`)).statusCode, 404);
    await t.database.db.insert(consent).values({
      personId: b('applicant').personId,
      organisationId: orgs['jt-centre'] as string,
      grantedAt: new Date(),
    });
    assert.equal((await get('counsellor', `/de/wege/${id}`)).statusCode, 200);
    assert.match((await get('counsellor', '/en/counselling/journeys')).body, new RegExp(id));
    assert.equal((await get('applicant', '/de/behoerde/arbeitsliste')).statusCode, 403);
  });
});
