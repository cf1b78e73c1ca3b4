import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { makeAccount, randomAddress, type TestAccount } from '../../../../test/support/identity.ts';

/**
 * Timing oracles: whether an account exists must not show in how long the answer takes. Each check
 * sends interleaved requests in random order for existing and unknown addresses, compares the
 * medians and prints the figures as `ENUMERATION {json}`. The bound is generous (5 ms or 25 % of
 * the slower median, whichever is larger): it catches work done for one kind of address only (the
 * issue measured 10.8 ms against 27.3 ms for the reset), not scheduling noise. 200 samples each on
 * sign-in, registration and reset, as the test catalogue asks (shared/research/security-reliability.md
 * 4.7, ASVS 6.3.8).
 */
const RESET_SAMPLES = 200;
const SIGN_IN_SAMPLES = 200;
const REGISTER_SAMPLES = 200;

type Send = () => Promise<LightMyRequestResponse>;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Runs n requests of each kind in random order; returns timings, statuses and distinct bodies per
 * kind. `untimed` runs before each timed request of its kind (not measured).
 */
async function compare(
  what: string,
  n: number,
  existing: Send,
  unknown: Send,
  untimed?: { existing: Send; unknown: Send },
) {
  const order = [...Array(n).fill('existing'), ...Array(n).fill('unknown')] as ('existing' | 'unknown')[];
  for (let i = order.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [order[i], order[j]] = [order[j] as 'existing', order[i] as 'existing'];
  }
  const ms = { existing: [] as number[], unknown: [] as number[] };
  const statuses = { existing: new Set<number>(), unknown: new Set<number>() };
  const bodies = { existing: new Set<string>(), unknown: new Set<string>() };
  for (const kind of order) {
    await untimed?.[kind]();
    const start = performance.now();
    const res = await (kind === 'existing' ? existing : unknown)();
    ms[kind].push(performance.now() - start);
    statuses[kind].add(res.statusCode);
    bodies[kind].add(res.body.replace(/"requestId":"[^"]+"/, ''));
  }
  const figures = {
    what,
    samples: n,
    medianExistingMs: Number(median(ms.existing).toFixed(2)),
    medianUnknownMs: Number(median(ms.unknown).toFixed(2)),
    differenceMs: Number((median(ms.existing) - median(ms.unknown)).toFixed(2)),
  };
  console.log(`ENUMERATION ${JSON.stringify(figures)}`);
  const bound = Math.max(5, 0.25 * Math.max(figures.medianExistingMs, figures.medianUnknownMs));
  return { figures, bound, statuses, bodies };
}

describe('no account enumeration by answer or timing', () => {
  let t: TestApp;
  let known: TestAccount;
  before(async () => {
    t = await buildTestApp();
    known = await makeAccount(t.database.db, 'applicant');
  });
  after(() => t.close());

  const post = (url: string, payload: object) => () =>
    t.app.inject({ method: 'POST', url, remoteAddress: randomAddress(), payload });
  let unknownCounter = 0;
  const unknownAddress = () => `nobody-${Date.now()}-${++unknownCounter}@example.org`;

  it(`password reset: same answer, same median time for existing and unknown addresses (${RESET_SAMPLES} samples each)`, async () => {
    const reset = (email: () => string) => () => post('/api/v1/auth/password-reset', { email: email() })();
    // Warm up both paths (compilation, first queries).
    for (let i = 0; i < 5; i++) {
      await reset(() => known.email)();
      await reset(unknownAddress)();
    }
    const r = await compare(
      'password-reset',
      RESET_SAMPLES,
      reset(() => known.email),
      reset(unknownAddress),
    );
    assert.deepEqual([...r.statuses.existing, ...r.statuses.unknown], [202, 202]);
    assert.deepEqual([...r.bodies.existing], [...r.bodies.unknown]);
    assert.ok(
      Math.abs(r.figures.differenceMs) < r.bound,
      `median ${r.figures.medianExistingMs} ms (existing) vs ${r.figures.medianUnknownMs} ms (unknown)`,
    );
  });

  it('password reset: the work after the answer does not slow the next request down either', async () => {
    const reset = (email: () => string) => () => post('/api/v1/auth/password-reset', { email: email() })();
    // A request that queries the database, sent right after the reset request.
    const next = () => t.app.inject({ method: 'GET', url: '/api/v1/occupations?q=pflege' });
    const r = await compare('request-after-password-reset', RESET_SAMPLES, next, next, {
      existing: reset(() => known.email),
      unknown: reset(unknownAddress),
    });
    assert.ok(Math.abs(r.figures.differenceMs) < r.bound, JSON.stringify(r.figures));
  });

  it(`sign-in with a wrong password: same answer, same median time for existing and unknown addresses (${SIGN_IN_SAMPLES} samples each)`, async () => {
    // Four failures per address, below the account throttle (five free failures), for both kinds.
    const perAddress = 4;
    const accounts: TestAccount[] = [];
    for (let i = 0; i < SIGN_IN_SAMPLES / perAddress; i++)
      accounts.push(await makeAccount(t.database.db, 'applicant'));
    const unknown = accounts.map(() => unknownAddress());
    let e = 0;
    let u = 0;
    const wrong = (email: string) =>
      post('/api/v1/auth/login', { email, password: 'not the password at all' })();
    const r = await compare(
      'sign-in',
      SIGN_IN_SAMPLES,
      () => wrong((accounts[Math.floor(e++ / perAddress)] as TestAccount).email),
      () => wrong(unknown[Math.floor(u++ / perAddress)] as string),
    );
    assert.deepEqual([...r.statuses.existing, ...r.statuses.unknown], [401, 401]);
    assert.deepEqual([...r.bodies.existing], [...r.bodies.unknown]);
    assert.ok(Math.abs(r.figures.differenceMs) < r.bound, JSON.stringify(r.figures));
  });

  it(`registration: same answer, same median time for a taken and a new address (${REGISTER_SAMPLES} samples each)`, async () => {
    const register = (email: () => string) => () =>
      post('/api/v1/auth/register', {
        email: email(),
        password: 'Mein Weg nach Görlitz 2026',
        displayName: 'Minh Anh',
      })();
    const r = await compare(
      'registration',
      REGISTER_SAMPLES,
      register(() => known.email),
      register(unknownAddress),
    );
    assert.deepEqual([...r.statuses.existing, ...r.statuses.unknown], [202, 202]);
    assert.deepEqual([...r.bodies.existing], [...r.bodies.unknown]);
    assert.ok(Math.abs(r.figures.differenceMs) < r.bound, JSON.stringify(r.figures));
  });
});
