import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import type { Actor } from '../domain/access/policy.ts';
import { definePage, SharedPages, type WebDeps } from './page.tsx';

describe('public pages shared by visitors without a session', () => {
  const web = {
    i18n: { translator: () => ({}) } as unknown as WebDeps['i18n'],
    nav: [],
    version: 'test',
  } satisfies WebDeps;
  let version = 'v1';
  let runs = 0;
  const app = Fastify();
  app.decorateReply('generateCsrf', () => 'token');
  app.addHook('onRequest', async (req) => {
    if (req.headers['x-signed-in']) req.actor = { personId: 'p', memberships: [] } as Actor;
  });
  definePage(app, web, {
    paths: { de: '/zahlen', en: '/figures' },
    policy: { public: 't' },
    sharedVersion: async () => version,
    handler: async () => <p>{`run ${++runs} of ${version}`}</p>,
  });
  definePage(app, web, {
    paths: { de: '/formular', en: '/form' },
    policy: { public: 't' },
    sharedVersion: async () => version,
    handler: async (_req, _reply, ctx) => <p>{`run ${++runs} ${ctx.csrfToken()}`}</p>,
  });
  const get = async (url: string, signedIn = false) =>
    (await app.inject({ method: 'GET', url, headers: signedIn ? { 'x-signed-in': '1' } : {} })).body;

  it('renders a page once per address and version, and again when the data change', async () => {
    assert.equal(await get('/de/zahlen'), '<!doctype html><p>run 1 of v1</p>');
    assert.equal(
      await get('/de/zahlen'),
      '<!doctype html><p>run 1 of v1</p>',
      'the same page, no second run',
    );
    assert.equal(await get('/de/zahlen?state=SN'), '<!doctype html><p>run 2 of v1</p>', 'another address');
    assert.equal(await get('/en/figures'), '<!doctype html><p>run 3 of v1</p>', 'another language');
    version = 'v2';
    assert.equal(await get('/de/zahlen'), '<!doctype html><p>run 4 of v2</p>');
  });

  it('renders every time for a signed-in person and for a page with a form token', async () => {
    const before = runs;
    await get('/de/zahlen', true);
    await get('/de/zahlen', true);
    await get('/de/formular');
    await get('/de/formular');
    assert.equal(runs, before + 4);
  });

  it('keeps at most the limit of addresses, dropping the oldest', () => {
    const pages = new SharedPages(2);
    pages.set('/a', '1', 'A');
    pages.set('/b', '1', 'B');
    pages.set('/a', '1', 'A2');
    pages.set('/c', '1', 'C');
    assert.equal(pages.get('/b', '1'), undefined);
    assert.equal(pages.get('/a', '1'), 'A2');
    assert.equal(pages.get('/a', '2'), undefined, 'another version is not the same page');
    assert.equal(pages.get('/c', '1'), 'C');
  });
});
