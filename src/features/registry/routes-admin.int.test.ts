import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import type { Role } from '../../domain/access/roles.ts';
import { registerRouteSchemas } from '../../platform/http/route-schema.ts';
import { createI18n } from '../../platform/i18n/index.ts';
import { registerErrorHandling } from '../../web/error-pages.tsx';
import { createCorrectionsService } from './corrections.ts';
import { createRecordsService } from './records.ts';
import { createRegisterService } from './register.ts';
import { registerRegistryAdmin } from './routes-admin.ts';
import { signingKeyFrom } from './signing.ts';

/** The rows the identity owner is asked to add to the policy (see routes-admin.ts). */
const PROPOSED: Record<string, Record<string, string[]>> = {
  'registry-entry': { update: ['administrator'] },
  'recognition-record': { create: ['recognition-officer'], withdraw: ['recognition-officer'] },
  'mutual-recognition-register': { update: ['ministry-officer'] },
};

describe('registry write-side routes (with the proposed policy rows)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  before(async () => {
    database = await createTestDatabase();
    app = Fastify();
    registerRouteSchemas(app);
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (req) => {
      const role = req.headers['x-test-role'];
      req.actor =
        typeof role === 'string'
          ? {
              personId: randomUUID(),
              memberships: [{ role: role as Role, organisationId: null, jurisdictions: [] }],
            }
          : null;
    });
    registerErrorHandling(app, { i18n: createI18n(), nav: [], version: 'test' });
    const pem = String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    registerRegistryAdmin(
      app,
      {
        corrections: createCorrectionsService(database.db, () => {}),
        records: createRecordsService(database.db, () => signingKeyFrom(pem)),
        register: createRegisterService(database.db),
      },
      { may: (role, action, resource) => PROPOSED[resource]?.[action]?.includes(role) ?? false },
    );
    await app.ready();
  });
  after(async () => {
    await app.close();
    await database.destroy();
  });

  const call = (
    method: 'PATCH' | 'POST' | 'PUT' | 'GET',
    url: string,
    role: string | undefined,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      headers: role ? { 'x-test-role': role } : {},
      ...(payload ? { payload } : {}),
    });

  it('lets an administrator correct an entry and read its history', async () => {
    const res = await call('PATCH', '/api/v1/registry/recognition-authority/SN:architect', 'administrator', {
      changes: { verified: true, source: 'Architektenkammer Sachsen, 2026-11-20' },
      reason: 'confirmed by the chamber',
    });
    assert.equal(res.statusCode, 200, res.body);
    const history = await call(
      'GET',
      '/api/v1/registry/recognition-authority/SN:architect/history',
      'administrator',
    );
    assert.equal((history.json() as { changes: unknown[] }).changes.length, 1);
  });

  it('lets a recognition officer issue and withdraw a record', async () => {
    const res = await call('POST', '/api/v1/recognition/records', 'recognition-officer', {
      person: { name: 'Ana Pereira', birthDate: '1990-04-01' },
      profession: { title: 'Pflegefachfrau', key: 'nurse', kldb: '81302' },
      equivalence: 'full',
      authority: 'KSV Sachsen',
      legalBasis: 'PflBG',
      decisionDate: '2026-10-01',
      issuingState: 'SN',
    });
    assert.equal(res.statusCode, 201, res.body);
    const { code } = res.json() as { code: string };
    const withdrawn = await call(
      'POST',
      `/api/v1/recognition/records/${code}/withdrawal`,
      'recognition-officer',
      {
        reason: 'entered in error',
      },
    );
    assert.equal(withdrawn.statusCode, 204, withdrawn.body);
  });

  it('lets a ministry officer set a register entry', async () => {
    const res = await call('PUT', '/api/v1/recognition/register', 'ministry-officer', {
      profession: 'engineer',
      fromState: 'BE',
      toState: 'BB',
      outcome: 'counts',
      legalBasis: 'BbgIngG',
      source: 'MIL Brandenburg',
      reason: 'confirmed',
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as { basis: string }).basis, 'register-entry');
  });

  it('refuses anonymous callers with 401, other roles with 403, bad input with 400 naming the field', async () => {
    assert.equal((await call('PUT', '/api/v1/recognition/register', undefined, {})).statusCode, 401);
    assert.equal((await call('PUT', '/api/v1/recognition/register', 'administrator', {})).statusCode, 403);
    assert.equal((await call('POST', '/api/v1/recognition/records', 'applicant', {})).statusCode, 403);
    const bad = await call('POST', '/api/v1/recognition/records', 'recognition-officer', {
      equivalence: 'some',
    });
    assert.equal(bad.statusCode, 400);
    const fields = (bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
    for (const f of ['body.person', 'body.equivalence', 'body.issuingState'])
      assert.ok(fields.includes(f), f);
  });

  it('answers 404 naming params.table for table names that are properties of every object', async () => {
    for (const table of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const res = await call('PATCH', `/api/v1/registry/${table}/x`, 'administrator', {
        changes: { verified: true },
        reason: 'probe',
      });
      assert.equal(res.statusCode, 404, `${table}: ${res.body}`);
      const fields = (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
      assert.deepEqual(fields, ['params.table'], table);
    }
  });
});
