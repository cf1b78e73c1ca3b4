import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  API_SCOPES,
  bearerOf,
  expiryOf,
  looksLikeToken,
  SCOPE_PAIRS,
  scopeFor,
  scopesFor,
  tokenMayCall,
  tokenRoleFor,
  tokenState,
} from './api-tokens.ts';
import { ACTIONS, isKnownPair, mayAttempt, RESOURCES } from './policy.ts';
import { ORGANISATION_KINDS, ROLE_ORGANISATION_KINDS } from './roles.ts';

describe('API token scopes', () => {
  it('maps route policies to scopes', () => {
    assert.equal(scopeFor('read', 'journey'), 'journeys:read');
    assert.equal(scopeFor('read', 'work-queue'), 'journeys:read');
    assert.equal(scopeFor('update', 'journey'), 'decisions:write');
    assert.equal(scopeFor('read', 'office-workload'), 'statistics:read');
    assert.equal(scopeFor('read', 'account'), undefined);
    assert.equal(scopeFor('create', 'api-token'), undefined, 'a token never manages tokens');
  });

  it('opens only pairs the policy knows, each in exactly one scope', () => {
    const seen = new Set<string>();
    for (const s of API_SCOPES) {
      for (const [a, r] of SCOPE_PAIRS[s]) {
        assert.ok(isKnownPair(a, r), `${a} ${r}`);
        assert.ok(!seen.has(`${a} ${r}`));
        seen.add(`${a} ${r}`);
      }
    }
  });

  it('lets a token call public routes and routes of its scopes only, naming the scope it lacks', () => {
    assert.deepEqual(tokenMayCall([], { public: 'x' }), { ok: true });
    assert.deepEqual(tokenMayCall(['journeys:read'], { action: 'read', resource: 'journey' }), { ok: true });
    assert.deepEqual(tokenMayCall(['journeys:read'], { action: 'update', resource: 'journey' }), {
      ok: false,
      missing: 'decisions:write',
    });
    assert.deepEqual(tokenMayCall([...API_SCOPES], { action: 'read', resource: 'account' }), {
      ok: false,
      missing: null,
    });
  });

  it('never lets a scope open a route for which it would have to be missing (property)', () => {
    fc.assert(
      fc.property(
        fc.subarray([...API_SCOPES]),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...RESOURCES),
        (scopes, action, resource) => {
          const r = tokenMayCall(scopes, { action, resource });
          const needed = scopeFor(action, resource);
          assert.equal(r.ok, needed !== undefined && scopes.includes(needed));
        },
      ),
    );
  });

  it('acts in the service role of the organisation kind, which the kind may hold', () => {
    assert.equal(tokenRoleFor('foreigners-office'), 'foreigners-office-caseworker');
    assert.equal(tokenRoleFor('recognition-authority'), 'recognition-officer');
    assert.equal(tokenRoleFor('mission'), 'mission-officer');
    assert.equal(tokenRoleFor('employment-agency'), 'employment-agency-officer');
    assert.equal(tokenRoleFor('employer'), null);
    for (const kind of ORGANISATION_KINDS) {
      const role = tokenRoleFor(kind);
      if (role) assert.ok(ROLE_ORGANISATION_KINDS[role].includes(kind), kind);
      const scopes = scopesFor(kind);
      assert.ok(scopes.includes('statistics:read'));
      if (!role || role === 'ministry-officer') assert.deepEqual(scopes, ['statistics:read']);
    }
  });

  it('gives the token of a service role what the role may do on journeys (no more: the policy decides)', () => {
    for (const kind of [
      'foreigners-office',
      'recognition-authority',
      'mission',
      'employment-agency',
    ] as const) {
      const role = tokenRoleFor(kind);
      assert.ok(role);
      assert.ok(mayAttempt([role], 'read', 'journey'));
      assert.ok(mayAttempt([role], 'update', 'journey'));
    }
  });
});

describe('API token format and lifetime', () => {
  it('reads bearer headers', () => {
    assert.equal(bearerOf('Bearer crt_abc'), 'crt_abc');
    assert.equal(bearerOf('bearer   crt_abc '), 'crt_abc');
    assert.equal(bearerOf('Basic xyz'), undefined);
    assert.equal(bearerOf(undefined), undefined);
    assert.ok(looksLikeToken(`crt_${'a'.repeat(43)}`));
    assert.ok(!looksLikeToken(`crt_${'a'.repeat(42)}`));
  });

  it('requires an expiry within a year', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    assert.deepEqual(expiryOf('', now), { problem: 'required' });
    assert.deepEqual(expiryOf('2026-02-30', now), { problem: 'required' });
    assert.deepEqual(expiryOf('2026-12-06', now), { problem: 'past' });
    assert.deepEqual(expiryOf('2027-12-07', now), { at: new Date('2027-12-07T23:59:59.999Z') });
    assert.deepEqual(expiryOf('2027-12-09', now), { problem: 'too-far' });
  });

  it('tells active, expired, revoked and unknown tokens apart', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const later = new Date('2026-12-08T00:00:00Z');
    assert.equal(tokenState(undefined, now), 'unknown');
    assert.equal(tokenState({ expiresAt: later, revokedAt: null }, now), 'active');
    assert.equal(tokenState({ expiresAt: now, revokedAt: null }, now), 'expired');
    assert.equal(tokenState({ expiresAt: later, revokedAt: now }, now), 'revoked');
  });
});
