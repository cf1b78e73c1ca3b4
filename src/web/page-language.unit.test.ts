import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { definePage, pathInLanguage, type WebDeps } from './page.tsx';

describe('the same page in another language', () => {
  const web = { i18n: {} as WebDeps['i18n'], nav: [], version: 'test' } satisfies WebDeps;
  const app = Fastify();
  const handler = async () => ({ redirect: '/' });
  definePage(app, web, { paths: { de: '/wege/:id', en: '/journeys/:id' }, policy: { public: 't' }, handler });
  definePage(app, web, { paths: { de: '/konto', en: '/account' }, policy: { public: 't' }, handler });

  it('carries a page address with its parameters into the other language', () => {
    assert.equal(pathInLanguage(web, '/de/wege/4f2a', 'de', 'en'), '/en/journeys/4f2a');
    assert.equal(pathInLanguage(web, '/en/account', 'en', 'de'), '/de/konto');
  });

  it('knows no address that is not a page of the site', () => {
    assert.equal(pathInLanguage(web, '/de/wege/4f2a/extra', 'de', 'en'), undefined);
    assert.equal(pathInLanguage(web, 'https://example.org/de/konto', 'de', 'en'), undefined);
  });
});
