import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { administratorSession } from '../../../test/support/identity.ts';
import { storeAnswers } from '../../../test/support/pathways.ts';
import { ANSWERS_COOKIE } from './answers.ts';

let t: TestApp;
let answers: string;
let adminCookie: string;
before(async () => {
  t = await buildTestApp();
  answers = await storeAnswers(
    t.database.db,
    {
      birthDate: '1994-05-01',
      citizenship: 'IN',
      location: 'abroad',
      status: 'none',
      qualificationKind: 'vocational',
      trainingYears: '3',
      qualificationIsco: '2221',
      stateRecognizedAbroad: 'yes',
      recognitionInGermany: 'partial',
      german: 'B1',
      english: 'B2',
      monthlyFundsEur: '1100',
    },
    ['person', 'residence', 'qualification', 'languages', 'more'],
  );
  adminCookie = (await administratorSession(t.app, t.database.db, 'op-res')).cookie;
});
after(() => t.close());

const result = (url: string, cookie = '') =>
  t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: `${ANSWERS_COOKIE}=${answers}${cookie ? `; ${cookie}` : ''}` },
  });

describe('sources on the result page', () => {
  it('shows the public source in the page language and no research note to the public', async () => {
    const de = await result('/de/weg-finden/ergebnis');
    assert.equal(de.statusCode, 200);
    assert.match(
      de.body,
      /href="https:\/\/www\.recht\.bund\.de\/bgbl\/1\/2025\/278\/VO\.html"[^>]*>Sozialversicherungs-Rechengrößenverordnung 2026/,
    );
    assert.doesNotMatch(de.body, /UNVERIFIED|\[GOV\]|\[3P\]|\[LAW\]|Drittanbieter|Prüfnotiz/);
    const en = await result('/en/find-your-way/result');
    assert.match(en.body, />Opportunity Card: information sheet of the German mission abroad</);
    assert.doesNotMatch(en.body, /UNVERIFIED|\[GOV\]|Review note/);
  });

  it('shows administrators the research note next to the public source', async () => {
    const res = await result('/de/weg-finden/ergebnis', adminCookie);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Prüfnotiz \(nur für die Verwaltung\): UNVERIFIED: nur Drittanbieter/);
  });

  it('writes dates in prose the way the page language does, not as ISO dates', async () => {
    const de = await result('/de/weg-finden/ergebnis');
    assert.match(de.body, /seit dem 1\. Juni 2024/);
    assert.doesNotMatch(de.body.replace(/<[^>]+>/g, ''), /seit dem \d{4}-\d{2}-\d{2}/);
  });
});
