import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { typeWords } from './reference-views.tsx';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('the API reference page', () => {
  it('shows every operation of the OpenAPI document, in German and English', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, object> };
    const count = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    const de = await t.app.inject('/de/schnittstelle');
    assert.equal(de.statusCode, 200);
    assert.match(de.body, new RegExp(`${count} Aufrufe nach Bereichen`));
    assert.equal((de.body.match(/class="api-operation"/g) ?? []).length, count);
    const en = await t.app.inject('/en/api-reference');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, new RegExp(`${count} calls by area`));
  });

  it('says who may call each operation, with the token permission where a token may', async () => {
    const en = (await t.app.inject('/en/api-reference')).body;
    const section = (id: string) => new RegExp(`id="${id}"[\\s\\S]*?</section>`).exec(en)?.[0] ?? '';
    assert.match(section('getV1Districts'), /Everyone, without signing in/);
    assert.match(
      section('getV1Districts'),
      /<code>state<\/code>[\s\S]*in the query[\s\S]*one of: BE, BB, MV, SN, ST, TH/,
    );
    assert.match(section('getV1JourneysById'), /an API token with the permission “journeys:read”/);
    assert.match(section('getV1JourneysById'), /<code>id<\/code>[\s\S]*in the path/);
    assert.match(section('getV1Me'), /no API token/);
    assert.match(section('postV1PathwaysEvaluate'), /In the body of the request \(JSON\)/);
    assert.match(en, /href="\/api\/openapi.json"/);
  });

  it('shows the examples of bodies and answers, in both languages', async () => {
    for (const [url, body, answer] of [
      ['/en/api-reference', 'Example of a request body', 'Example of an answer'],
      ['/de/schnittstelle', 'Beispiel für den Inhalt der Anfrage', 'Beispiel für eine Antwort'],
    ] as const) {
      const page = (await t.app.inject(url)).body;
      const section = (id: string) => new RegExp(`id="${id}"[\\s\\S]*?</section>`).exec(page)?.[0] ?? '';
      const open = section('postV1Journeys');
      assert.ok(open.includes(body), url);
      assert.match(open, /&quot;pathway&quot;: &quot;aufenthg-18a&quot;/);
      assert.ok(open.includes(answer), url);
      assert.match(section('getV1StatisticsCsv'), /step,state,filed/);
      assert.match(section('getV1WaitingTimes'), /Ausländerbehörde Beispielstadt/);
    }
  });

  it('puts a JSON schema type into a few words', () => {
    assert.equal(typeWords({ type: 'string', format: 'date' }), 'string (date)');
    assert.equal(typeWords({ type: 'array', items: { type: 'integer' } }), 'list of integer');
    assert.equal(typeWords({ enum: ['a', 'b'] }), 'one of: a, b');
    assert.equal(typeWords({ anyOf: [{ type: 'string' }, { type: 'null' }] }), 'string | null');
    assert.equal(typeWords(undefined), 'any');
  });
});
