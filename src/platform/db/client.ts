import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { DEFAULT_DATABASE_POOL_SIZE } from '../config.ts';
import { withStatementName } from './errors.ts';

export { isUniqueViolation } from './errors.ts';

/** The one database type every feature codes against; the same on PGlite and PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DatabaseHandle {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Database;
  /** The raw client for pg-boss: PGlite instance or pg.Pool. */
  readonly raw: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… for a PostgreSQL server; otherwise PGlite. */
  databaseUrl?: string | undefined;
  /** Directory of the PGlite data; `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
  /** PostgreSQL's `statement_timeout` in milliseconds; 0 or absent: none. */
  statementTimeoutMs?: number;
  /** A PGlite data dump to start from (tests use a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    return openPostgres(
      opts.databaseUrl,
      opts.poolSize ?? DEFAULT_DATABASE_POOL_SIZE,
      opts.statementTimeoutMs,
    );
  }
  return openPglite(opts.dataDir ?? 'memory://', opts.loadDataDir);
}

async function openPostgres(url: string, max: number, statementTimeoutMs = 0): Promise<DatabaseHandle> {
  // A request waits at most 5 s for a connection (pool full, or the server not answering) and a statement at
  // most statementTimeoutMs; then it fails with an error that answers 503 (ADR 0011). Keep-alive notices a
  // connection whose server vanished without closing it.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
  });
  // A client that loses its server (restart, pg_terminate_backend, network) emits 'error'. The pool listens only
  // while the client is idle; a checked-out client without a listener would turn it into an uncaught exception
  // and end the process. Every client gets its own listener for its whole life: the query in flight fails (the
  // request answers 503, ADR 0011), and the pool drops the client on release, as it is no longer queryable.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzlePg(pool) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    raw: { kind: 'postgres', pool },
    ping: () => ping(db),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string, loadDataDir?: Blob | File): Promise<DatabaseHandle> {
  const client = await PGlite.create({
    dataDir: dataDir === 'memory://' ? undefined : dataDir,
    extensions: { pg_trgm },
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client) as unknown as Database;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    raw: { kind: 'pglite', client },
    ping: () => (closed || client.closed ? Promise.resolve(false) : ping(db)),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

async function ping(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

const built = new WeakMap<object, Map<string, unknown>>();

/**
 * A statement built once per database handle: Drizzle writes a query's SQL text on every `prepare`, which costs more
 * than running the statement on a hot path (every signed-in request, every journey read). `build` prepares it with
 * placeholders (`sql.placeholder`), whose values come with each `execute`. One name must always build the same
 * statement; in a transaction (its own handle) it is built for that handle.
 */
export function builtOnce<T>(db: DbOrTx, name: string, build: () => T): T {
  let statements = built.get(db);
  if (!statements) {
    statements = new Map();
    built.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build();
    statements.set(name, statement);
  }
  return statement;
}

/** Turns Drizzle's SQL into text and parameters for a named statement (`queryRows`). */
const dialect = new PgDialect();

/**
 * The rows of a raw SQL query, on either driver (both answer `{ rows }`). With a `name`, PostgreSQL keeps the
 * statement prepared on each pooled connection: parsed and planned once per connection instead of on every call
 * (the journey's hot statements; ADR 0009). One name must always carry the same SQL text; PGlite ignores it.
 */
export async function queryRows<T>(db: DbOrTx, query: SQL, name?: string): Promise<T[]> {
  if (!name) return ((await db.execute(query)) as { rows: T[] }).rows;
  try {
    const result = await db._.session
      .prepareQuery(dialect.sqlToQuery(query), undefined, name, false)
      .execute();
    return (result as { rows: T[] }).rows;
  } catch (error) {
    throw withStatementName(error, name);
  }
}

/**
 * Runs a long read of a background job or a command (the published figures over every journey, a back-test) in one
 * transaction without the statement timeout meant for requests (`DATABASE_STATEMENT_TIMEOUT_MS`, ADR 0011): at a
 * million journeys one such statement takes longer than a request may. `set local` ends with the transaction.
 */
export async function withoutStatementTimeout<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`);
    return work(tx);
  });
}
