/**
 * The database unreachable (issue 13, point 1), in-process and without any server: the app's pool points at a
 * closed loopback port, so every query fails to connect. The API answers 503 problem+json with `Retry-After`,
 * pages the 503 error page with `Retry-After`, `/health` reports the database down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/client.ts';
import { createApp } from '../../src/server.ts';
import { testConfig } from '../support/app.ts';
import { freePort } from './cluster.ts';

describe('the database unreachable', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  before(async () => {
    database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/none` });
    app = await createApp({ config: testConfig(), database, logger: false });
  });
  after(async () => {
    await app.close();
    await database.close();
  });

  it('answers the API with 503 service-unavailable and Retry-After', async () => {
    const res = await app.inject('/api/v1/districts?state=SN');
    assert.equal(res.statusCode, 503, res.body);
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    assert.ok(Number(res.headers['retry-after']) > 0);
    const problem = res.json() as { code: string; status: number; detail?: string };
    assert.equal(problem.code, 'service-unavailable');
    assert.equal(problem.status, 503);
  });

  it('answers a page with the 503 error page and Retry-After', async () => {
    const res = await app.inject('/de/regionen');
    assert.equal(res.statusCode, 503, res.body.slice(0, 300));
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.ok(Number(res.headers['retry-after']) > 0);
    assert.match(res.body, /Der Dienst ist gerade nicht verfügbar/);
  });

  it('reports the database down on /health', async () => {
    const res = await app.inject('/health');
    assert.equal(res.statusCode, 503);
    assert.equal((res.json() as { status: string }).status, 'unavailable');
  });
});
