import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

/** The text a reader sees: the body without tags, attributes, scripts and styles. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe('registry pages (no JavaScript needed)', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  const page = (url: string) => t.app.inject({ method: 'GET', url });

  it('shows the search form in German and English', async () => {
    const de = await page('/de/anerkennung');
    assert.equal(de.statusCode, 200);
    assert.match(de.body, /<form method="get" action="\/de\/anerkennung"/);
    assert.match(de.body, /<label class="kern-label" for="field-q">Beruf/);
    const en = await page('/en/recognition');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /Where do I apply for recognition\?/);
  });

  it('lists matching occupations as links that carry the chosen state', async () => {
    const res = await page('/de/anerkennung?q=Krankenschwester&state=SN&district=');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/de\/anerkennung\?kldb=81302&amp;state=SN"/);
  });

  it('shows the competent authority, documents, deadlines and the provenance', async () => {
    const res = await page('/en/recognition?kldb=81302&state=SN');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Kommunaler Sozialverband Sachsen/);
    assert.match(res.body, /within 3 months after all documents are in/);
    assert.match(res.body, /within 2 months/);
    assert.match(res.body, /href="\/en\/foreigners-office\?state=SN"/);
  });

  it('shows the public no occupation code (KldB, ISCO-08) in the hits or the answer', async () => {
    for (const url of [
      '/de/anerkennung?q=Krankenschwester&state=SN&district=',
      '/en/recognition?q=nurse&state=SN&district=',
      '/de/anerkennung?kldb=81302&state=SN',
      '/en/recognition?kldb=81302&state=SN',
      '/en/recognition?isco=3221',
    ]) {
      const res = await page(url);
      assert.equal(res.statusCode, 200, url);
      const text = visibleText(res.body);
      assert.doesNotMatch(text, /KldB|ISCO|\b81302\b|\b2221\b|\b3221\b/, url);
    }
  });

  it('marks unconfirmed entries visibly', async () => {
    const res = await page('/de/anerkennung?kldb=31104&state=BE');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Baukammer Berlin/);
    assert.match(res.body, /kern-badge--warning/);
  });

  it('answers bad input with 400, an error summary and the field marked', async () => {
    const res = await page('/de/anerkennung?kldb=81302');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /id="error-summary"/);
    assert.match(res.body, /href="#field-state"/);
    const bad = await page('/en/recognition?q=nurse&state=BY');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /aria-invalid="true"/);
  });

  it("finds the foreigners' office of a district and the missions of a country", async () => {
    const office = await page('/de/auslaenderbehoerde?district=12061');
    assert.equal(office.statusCode, 200);
    assert.match(office.body, /Landkreis Dahme-Spreewald – Ausländerbehörde/);
    assert.match(office.body, /Zentrale Ausländerbehörde für Fachkräfteeinwanderung/);
    const place = await page('/en/foreigners-office?place=Leipzig');
    assert.match(place.body, /2 districts and cities/);
    const missions = await page('/en/missions?country=India');
    assert.equal(missions.statusCode, 200);
    assert.match(missions.body, /<caption class="kern-title">Missions in India/);
    assert.match(missions.body, /German Consulate General Mumbai/);
    assert.doesNotMatch(missions.body, /UNVERIFIED|third-party|2024-06-18/);
    assert.match(missions.body, /Processing time: 2 weeks \(estimate\), as of June 18, 2024/);
    const german = await page('/de/auslandsvertretung?country=%C3%84gypten');
    assert.match(german.body, /Deutsche Auslandsvertretungen: Ägypten/);
    assert.match(german.body, /Deutsche Botschaft Kairo/);
    const unknown = await page('/en/missions?country=Atlantis');
    assert.equal(unknown.statusCode, 400);
  });

  it('adds the recognition finder to the navigation and the home page', async () => {
    const home = await page('/en');
    assert.match(home.body, /href="\/en\/recognition"/);
  });
});

describe('recognition finder page from the pathway results', () => {
  it('lists the occupations of an ISCO-08 code to choose from', async () => {
    const t = await buildTestApp();
    try {
      const res = await t.app.inject('/en/recognition?isco=3221');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /kldb=81302/);
      const unknown = await t.app.inject('/de/anerkennung?isco=0000');
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.body, /Berufscode \(ISCO-08\)/);
    } finally {
      await t.close();
    }
  });
});
