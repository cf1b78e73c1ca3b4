import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BatchItem, createBatcher } from './batch.ts';

/** A batch run that answers each value doubled once released, recording every batch it was given. */
function recorder() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  let running = 0;
  let mostAtOnce = 0;
  const run = async (items: ReadonlyArray<BatchItem<number, number>>) => {
    batches.push(items.map((i) => i.value));
    running++;
    mostAtOnce = Math.max(mostAtOnce, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running--;
    for (const i of items) i.resolve(i.value * 2);
  };
  const turn = () => new Promise((r) => setImmediate(r));
  /** Releases the running batches, and those that start after them, until none is left. */
  const releaseAll = async () => {
    await turn();
    while (releases.length > 0) {
      for (const r of releases.splice(0)) r();
      await turn();
    }
  };
  return { run, batches, releaseAll, mostAtOnce: () => mostAtOnce };
}

describe('batcher', () => {
  it('runs a lone value at once, in a batch of its own', async () => {
    const r = recorder();
    const b = createBatcher(r.run);
    const answer = b.submit(21);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(r.batches, [[21]]);
    await r.releaseAll();
    assert.equal(await answer, 42);
  });

  it('groups values that arrive while batches run, within maxBatch and maxInFlight', async () => {
    const r = recorder();
    const b = createBatcher(r.run, { maxBatch: 3, maxInFlight: 2 });
    const answers = Array.from({ length: 10 }, (_, i) => b.submit(i));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(r.batches, [
      [0, 1, 2],
      [3, 4, 5],
    ]);
    assert.deepEqual(b.pending(), { waiting: 4, running: 2 });
    await r.releaseAll();
    assert.deepEqual(await Promise.all(answers), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    assert.deepEqual(r.batches.flat(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'every value once, in arrival order');
    assert.ok(r.batches.every((batch) => batch.length <= 3));
    assert.equal(r.mostAtOnce(), 2);
    assert.deepEqual(b.pending(), { waiting: 0, running: 0 });
  });

  it('never puts two values with the same key in one batch', async () => {
    const r = recorder();
    const b = createBatcher(r.run, { keyOf: (v) => String(v % 2), maxInFlight: 1 });
    const answers = [1, 3, 2, 5, 4].map((v) => b.submit(v));
    await r.releaseAll();
    await Promise.all(answers);
    for (const batch of r.batches) assert.equal(new Set(batch.map((v) => v % 2)).size, batch.length);
    assert.deepEqual(r.batches, [[1, 2], [3, 4], [5]]);
  });

  it('rejects the values of a failed run with its error, and values a run left unsettled', async () => {
    const failing = createBatcher<number, number>(async () => {
      throw new Error('database gone');
    });
    await assert.rejects(failing.submit(1), /database gone/);
    const forgetful = createBatcher<number, number>(async (items) => {
      items[0]?.resolve(7);
    });
    const [kept, forgotten] = [forgetful.submit(1), forgetful.submit(2)];
    assert.equal(await kept, 7);
    await assert.rejects(forgotten, /did not settle/);
  });

  it('refuses a batch size or a number of runs below one', () => {
    assert.throws(() => createBatcher(async () => {}, { maxBatch: 0 }), RangeError);
    assert.throws(() => createBatcher(async () => {}, { maxInFlight: 0 }), RangeError);
  });
});
