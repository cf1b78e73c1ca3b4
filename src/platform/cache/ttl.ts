/**
 * A per-process cache of one value with a time to live, for reference data that changes rarely
 * and is read on every page. Writes in this process call `invalidate()`; other instances see a
 * change after at most `ttlMs`. Concurrent misses share one load.
 */
export interface Cached<T> {
  get(): Promise<T>;
  invalidate(): void;
}

export function cached<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now): Cached<T> {
  let value: { data: T; expires: number } | undefined;
  let pending: Promise<T> | undefined;
  let generation = 0;
  return {
    get() {
      if (value && value.expires > now()) return Promise.resolve(value.data);
      if (pending) return pending;
      const started = generation;
      pending = load().then(
        (data) => {
          if (started === generation) value = { data, expires: now() + ttlMs };
          pending = undefined;
          return data;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    invalidate() {
      generation += 1;
      value = undefined;
      pending = undefined;
    },
  };
}
