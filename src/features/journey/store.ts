/**
 * The journey store: a handler (`commands.ts`) runs in a Session, which reads journeys and stored answers and
 * appends one change. Three kinds of session: `alone` (the statements on the pool, no transaction: the change is one
 * statement guarded by the version read, ADR 0008), `inTransaction` (a key's answer, a family member's journey) and
 * `batched` (ADR 0010: the journeys and stored answers of a batch read at once, every change of the batch appended
 * in one statement). ONE retry loop: a change beaten by a concurrent writer (its guard failed, a unique key) is run
 * again from the start, alone or in a transaction, at most `retries` times, then 409.
 */
import { type BatchItem, createBatcher } from '../../platform/batch.ts';
import { type Database, type DbOrTx, isUniqueViolation, type Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Outcome } from './command-types.ts';
import { forgetIdempotencyKey } from './idempotency.ts';
import {
  type AccessRow,
  accessRows,
  type ReadWith,
  type StoredAnswer,
  storedAnswer,
  storedAnswers,
} from './store-read.ts';
import type { Change, Written } from './store-rows.ts';
import { writeChanges } from './store-write.ts';

export interface Session {
  /** Where the session's statements go (the pool, or the transaction). */
  readonly db: DbOrTx;
  /** The moment of this attempt: the clock is read once per attempt, once per batch. */
  readonly at: Date;
  accessRow(journeyId: string, with_: ReadWith): Promise<AccessRow | undefined>;
  storedAnswer(actorId: string, key: string): Promise<StoredAnswer | undefined>;
  /** Forgets an expired key, so that the request stores its new answer (a batch runs the request again alone). */
  forgetAnswer(actorId: string, key: string): Promise<void>;
  /** Appends one decided change; a concurrent writer beat it → the handler runs again. */
  append(change: Change): Promise<Extract<Written, { conflict: false }>>;
  /** Work done once per session (a batch's requests share it), e.g. the owners of one place and occupation. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}
export type TxSession = Session & { readonly db: Tx };

/** The change was beaten by a concurrent writer (or a batch cannot take the request): run it again. */
class RunAgain extends Error {}

export interface StoreOptions {
  readonly now: () => Date;
  /** Attempts on a concurrent writer before giving up with 409. */
  readonly retries: number;
  /** Batches (ADR 0010): at most `maxBatch` requests per statement, `maxInFlight` batches at once. */
  readonly batch?: { readonly maxBatch?: number; readonly maxInFlight?: number };
}

/** Work done once per key: `Session.once`. */
function onceMap() {
  const done = new Map<string, Promise<unknown>>();
  return <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    let found = done.get(key) as Promise<T> | undefined;
    if (!found) {
      found = compute();
      done.set(key, found);
    }
    return found;
  };
}

/** A session on the pool or in a transaction: each statement on its own, the change appended alone. */
export function sessionOn(db: DbOrTx, at: Date): Session {
  return {
    once: onceMap(),
    db,
    at,
    accessRow: async (journeyId, with_) => (await accessRows(db, [journeyId], with_))[0],
    storedAnswer: (actorId, key) => storedAnswer(db, actorId, key),
    forgetAnswer: (actorId, key) => forgetIdempotencyKey(db, actorId, key),
    append: async (change) => {
      const [one] = await writeChanges(db, [change], at);
      if (!one || one.conflict) throw new RunAgain();
      return one;
    },
  };
}

export function createStore(db: Database, opts: StoreOptions) {
  const { now, retries } = opts;

  /** The one retry loop: `handler` in a new session per attempt, alone or in a transaction. */
  async function run<S extends Session>(
    mode: 'alone' | 'transaction',
    handler: (session: S) => Promise<Outcome>,
  ): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        if (mode === 'alone') return await handler(sessionOn(db, now()) as S);
        return await db.transaction((tx) => handler(sessionOn(tx, now()) as S));
      } catch (error) {
        if (!(error instanceof RunAgain || isUniqueViolation(error))) throw error;
        if (attempt >= retries) {
          const detail = 'The journey was changed at the same time; try again.';
          return { ok: false, error: new AppError('conflict', { detail }) };
        }
      }
    }
  }

  /**
   * Requests that arrive together (ADR 0010): one read of their journeys and stored answers, each request handled
   * on its own up to its change, then ONE statement appending every change. A request whose change was beaten (its
   * journey changed after the read), every request of a batch whose statement failed, and one whose key expired
   * run again `alone` (`runAlone`).
   */
  function batched<T>(spec: {
    keyOf: (value: T) => string | undefined;
    journeysOf?: (value: T) => string | undefined;
    answersOf?: (value: T) => { actorId: string; key: string } | undefined;
    handle: (session: Session, value: T) => Promise<Outcome>;
    runAlone: (value: T) => Promise<Outcome>;
  }) {
    async function runBatch(items: ReadonlyArray<BatchItem<T, Outcome>>): Promise<void> {
      const at = now();
      const values = items.map((i) => i.value);
      const ids = [...new Set(values.flatMap((v) => spec.journeysOf?.(v) ?? []))];
      const keys = values.flatMap((v) => spec.answersOf?.(v) ?? []);
      const [rows, answers] = await Promise.all([accessRows(db, ids, {}), storedAnswers(db, keys)]);
      const byId = new Map(rows.map((r) => [r.row.id, r]));
      const once = onceMap();
      const parked: Array<{ change: Change; settle: (w: Written | undefined) => void }> = [];
      let running = items.length;
      const arrived = () => {
        if (--running === 0) void flush();
      };
      async function flush() {
        let written: readonly Written[] = [];
        if (parked.length > 0)
          // Any failure of the one statement (a unique key, a lost connection): nothing was written.
          written = await writeChanges(
            db,
            parked.map((p) => p.change),
            at,
          ).catch(() => []);
        for (const [i, p] of parked.entries()) p.settle(written[i]);
      }
      await Promise.all(
        items.map(async (item) => {
          let appended = false;
          const session: Session = {
            db,
            at,
            once,
            accessRow: async (journeyId) => byId.get(journeyId.toLowerCase()),
            storedAnswer: async (actorId, key) => answers.get(`${actorId} ${key}`),
            forgetAnswer: async () => {
              throw new RunAgain();
            },
            append: (change) => {
              appended = true;
              return new Promise<Written | undefined>((settle) => {
                parked.push({ change, settle });
                arrived();
              }).then((w) => {
                if (!w || w.conflict) throw new RunAgain();
                return w;
              });
            },
          };
          const outcome = await spec.handle(session, item.value).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          if (!appended) arrived();
          if ('value' in outcome) return item.resolve(outcome.value);
          if (!(outcome.error instanceof RunAgain)) return item.reject(outcome.error);
          await spec.runAlone(item.value).then(item.resolve, item.reject);
        }),
      );
    }
    return createBatcher(runBatch, {
      keyOf: spec.keyOf,
      maxBatch: opts.batch?.maxBatch ?? 64,
      maxInFlight: opts.batch?.maxInFlight ?? 2,
    });
  }

  return {
    db,
    now,
    /** A handler on the pool, without transaction. */
    alone: (handler: (session: Session) => Promise<Outcome>) => run('alone', handler),
    /** A handler in its own transaction (committed also when it answers with a refusal or 404). */
    inTransaction: (handler: (session: TxSession) => Promise<Outcome>) => run('transaction', handler),
    batched,
    /** A session for a read, on the pool or in the caller's transaction. */
    reading: (on: DbOrTx = db): Session => sessionOn(on, now()),
  };
}
export type Store = ReturnType<typeof createStore>;
