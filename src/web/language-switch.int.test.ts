import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../test/support/app.ts';

/** The language switch keeps the page, and the page a person was on the way to. */
describe('the language switch', async () => {
  const t = await buildTestApp();
  after(() => t.close());

  it('on the sign-in page leads to the English sign-in that returns to the English page', async () => {
    const res = await t.app.inject({ url: '/de/anmelden?next=%2Fde%2Fkonto%2Fzugriffe' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/en\/sign-in\?next=%2Fen%2Faccount%2Faccess-log"/);
  });

  it('keeps a query that is not an address as it is', async () => {
    const res = await t.app.inject({ url: '/de/regionen?state=TH' });
    assert.match(res.body, /href="\/en\/regions\?state=TH"/);
  });
});
