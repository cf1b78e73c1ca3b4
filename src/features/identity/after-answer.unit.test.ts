import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { createAfterAnswer } from './after-answer.ts';

function fakeReply() {
  const raw = new EventEmitter();
  return { raw, reply: { raw } as unknown as FastifyReply };
}

function fakeLog() {
  const lines: unknown[] = [];
  return { lines, log: { error: (obj: unknown) => lines.push(obj) } as unknown as FastifyBaseLogger };
}

describe('work after the answer', () => {
  it('starts only once the answer has gone out, once, and settled() waits for it', async () => {
    const { log } = fakeLog();
    const after = createAfterAnswer(log);
    const { raw, reply } = fakeReply();
    let runs = 0;
    after.run(reply, 'probe', async () => {
      runs++;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(runs, 0, 'not before the answer');
    raw.emit('finish');
    raw.emit('close');
    await new Promise((r) => setImmediate(r));
    await after.settled();
    assert.equal(runs, 1);
  });

  it('logs a failure with the name and error code only, and never rejects', async () => {
    const { log, lines } = fakeLog();
    const after = createAfterAnswer(log);
    const { raw, reply } = fakeReply();
    after.run(reply, 'password-reset-request', async () => {
      throw Object.assign(new Error('duplicate key value (email)=(someone@example.org)'), { code: '23505' });
    });
    raw.emit('close');
    await new Promise((r) => setImmediate(r));
    await after.settled();
    assert.deepEqual(lines, [{ work: 'password-reset-request', code: '23505' }]);
    assert.ok(!JSON.stringify(lines).includes('example.org'), 'no address in the log');
  });
});
