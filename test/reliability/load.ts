/**
 * A bounded write load through the JSON API with an idempotency ledger. Each worker is one signed-in applicant
 * sending `change-facts` commands to their own journey, one after another, each with a new `Idempotency-Key`.
 * A request without a definite answer (network error, 5xx) is in doubt: it is sent again with the same key and
 * body until it gets one. The ledger keeps every key sent and every key acknowledged (2xx), so that the database
 * can be asked afterwards whether an acknowledged write was lost or a retried one applied twice.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { OPEN_BODY } from '../support/journey.ts';

export interface Applicant {
  cookie: string;
  csrfToken: string;
  journeyId: string;
}

export interface Ledger {
  /** Every key sent at least once. */
  readonly sent: Set<string>;
  /** Keys answered with 2xx: the writes the server acknowledged. */
  readonly acked: Set<string>;
  /** Keys that never got a definite answer before the load ended. */
  readonly unresolved: Set<string>;
  /** Responses by status (every attempt), and attempts that got no response at all. */
  readonly statuses: Map<number, number>;
  networkErrors: number;
  /** Time (ms since the epoch) of every acknowledgement. */
  readonly ackTimes: number[];
  /** Other 4xx answers (none expected), with their body, for the failure message. */
  readonly unexpected: string[];
}

export function newLedger(): Ledger {
  return {
    sent: new Set(),
    acked: new Set(),
    unresolved: new Set(),
    statuses: new Map(),
    networkErrors: 0,
    ackTimes: [],
    unexpected: [],
  };
}

/** A JSON request with a time limit; null when no response came. */
export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; text: string } | null> {
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  } catch {
    return null;
  }
}

/** Signs in through the API and opens the applicant's journey. */
export async function signInAndOpen(base: string, email: string, password: string): Promise<Applicant> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const opened = await request(`${base}/api/v1/journeys`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'idempotency-key': randomUUID() },
    body: OPEN_BODY,
  });
  if (opened?.status !== 201) throw new Error(`opening a journey failed: ${opened?.status} ${opened?.text}`);
  const { journeyId } = JSON.parse(opened.text) as { journeyId: string };
  return { cookie, csrfToken, journeyId };
}

export interface Load {
  readonly ledger: Ledger;
  /** Stops sending new commands; resolves when every worker has its last command answered (or gave up). */
  stop(): Promise<void>;
}

/** Starts one worker per applicant against the server at `base()` (read on every attempt). */
export function startLoad(base: () => string, applicants: readonly Applicant[]): Load {
  const ledger = newLedger();
  let stopping = false;
  let giveUpAt = Number.POSITIVE_INFINITY;
  const worker = async (a: Applicant) => {
    let toggle = false;
    while (!stopping) {
      toggle = !toggle;
      const key = randomUUID();
      const body = { type: 'change-facts', facts: { ...OPEN_BODY.facts, baApproval: toggle } };
      ledger.sent.add(key);
      for (;;) {
        const res = await request(`${base()}/api/v1/journeys/${a.journeyId}/commands`, {
          method: 'POST',
          headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken, 'idempotency-key': key },
          body,
        });
        if (res === null) ledger.networkErrors++;
        else ledger.statuses.set(res.status, (ledger.statuses.get(res.status) ?? 0) + 1);
        if (res && res.status >= 200 && res.status < 300) {
          ledger.acked.add(key);
          ledger.ackTimes.push(Date.now());
          break;
        }
        if (res && res.status < 500 && res.status !== 429) {
          ledger.unexpected.push(`${res.status} ${res.text.slice(0, 300)}`);
          break;
        }
        if (Date.now() > giveUpAt) {
          ledger.unresolved.add(key);
          break;
        }
        // In doubt: the same key and body again, after the server's Retry-After (capped) or a short pause.
        const after = Number(res?.headers.get('retry-after') ?? 0);
        await new Promise((r) => setTimeout(r, Math.min(Math.max(after * 1000, 200), 1_000)));
      }
    }
  };
  const running = Promise.all(applicants.map(worker));
  return {
    ledger,
    stop: async () => {
      stopping = true;
      giveUpAt = Date.now() + 30_000;
      await running;
    },
  };
}

export interface LedgerCheck {
  acked: number;
  lost: number;
  duplicates: number;
  unresolved: number;
}

/**
 * Asks the database about every key: an acknowledged key whose command left no `facts-changed` event is lost; a
 * key whose command was applied more than once (more than one `facts-changed` event) is a duplicate.
 */
export async function checkLedger(databaseUrl: string, ledger: Ledger): Promise<LedgerCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; n: number }>(
      `select idempotency_key as key, count(*)::int as n from journey_event
        where type = 'facts-changed' and idempotency_key = any($1::text[]) group by idempotency_key`,
      [[...ledger.sent]],
    );
    const applied = new Map(rows.map((r) => [r.key, r.n]));
    return {
      acked: ledger.acked.size,
      lost: [...ledger.acked].filter((k) => !applied.has(k)).length,
      duplicates: rows.reduce((sum, r) => sum + Math.max(0, r.n - 1), 0),
      unresolved: ledger.unresolved.size,
    };
  } finally {
    await client.end();
  }
}
