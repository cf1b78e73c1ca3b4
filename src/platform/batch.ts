/**
 * Group work that arrives together (ADR 0010): callers `submit` one value each and wait for its answer; values
 * that arrive while earlier batches are running wait in line and go to `run` together, at most `maxBatch` at a
 * time, at most `maxInFlight` batches at once. A value whose key is already in the batch being formed waits for
 * the next one. `run` settles every item it is given; an item it left unsettled is rejected when `run` ends
 * (with `run`'s error, if it failed). Under light load every batch holds one value and starts at once; under heavy load the batches grow.
 */
export interface BatchItem<T, R> {
  readonly value: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface BatcherOptions<T> {
  readonly maxBatch?: number;
  readonly maxInFlight?: number;
  /** Values with the same key never share a batch (undefined: no key). */
  readonly keyOf?: (value: T) => string | undefined;
}

export interface Batcher<T, R> {
  submit(value: T): Promise<R>;
  /** Values waiting for a batch and batches running (for tests and metrics). */
  readonly pending: () => { waiting: number; running: number };
}

export function createBatcher<T, R>(
  run: (items: ReadonlyArray<BatchItem<T, R>>) => Promise<void>,
  opts: BatcherOptions<T> = {},
): Batcher<T, R> {
  const maxBatch = opts.maxBatch ?? 64;
  const maxInFlight = opts.maxInFlight ?? 2;
  const keyOf = opts.keyOf;
  if (!(maxBatch >= 1 && maxInFlight >= 1))
    throw new RangeError('maxBatch and maxInFlight must be at least 1');
  let waiting: Array<BatchItem<T, R>> = [];
  let running = 0;
  let scheduled = false;

  function take(): Array<BatchItem<T, R>> {
    const batch: Array<BatchItem<T, R>> = [];
    const keys = new Set<string>();
    const rest: Array<BatchItem<T, R>> = [];
    for (const item of waiting) {
      const key = keyOf?.(item.value);
      if (batch.length >= maxBatch || (key !== undefined && keys.has(key))) {
        rest.push(item);
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(item);
    }
    waiting = rest;
    return batch;
  }

  function pump() {
    scheduled = false;
    while (running < maxInFlight && waiting.length > 0) {
      const batch = take();
      running++;
      run(batch)
        .then(
          () => {
            for (const item of batch) item.reject(new Error('the batch did not settle this value'));
          },
          (error: unknown) => {
            for (const item of batch) item.reject(error);
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  return {
    submit(value) {
      return new Promise<R>((resolve, reject) => {
        let settled = false;
        waiting.push({
          value,
          resolve: (r) => {
            if (settled) return;
            settled = true;
            resolve(r);
          },
          reject: (e) => {
            if (settled) return;
            settled = true;
            reject(e);
          },
        });
        // Values submitted in the same turn of the event loop go together.
        if (!scheduled) {
          scheduled = true;
          queueMicrotask(pump);
        }
      });
    },
    pending: () => ({ waiting: waiting.length, running }),
  };
}
