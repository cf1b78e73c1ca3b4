/**
 * What a database error means for a request and what of it may be logged. Driver-independent: node-postgres'
 * `DatabaseError` (SQLSTATE in `code`), Node's socket errors (`ECONNREFUSED` …), pg-pool's own messages, and
 * Drizzle's `DrizzleQueryError`, which wraps them as its `cause` (ADR 0011).
 */

/** The error and the errors it was caused by, outermost first (at most a few levels). */
function chainOf(error: unknown): object[] {
  const chain: object[] = [];
  let e: unknown = error;
  while (e !== null && typeof e === 'object' && chain.length < 5 && !chain.includes(e)) {
    chain.push(e);
    e = (e as { cause?: unknown }).cause;
  }
  return chain;
}

const codeOf = (e: object): string | undefined => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/** Whether an error (or one it was caused by, as Drizzle wraps the driver's) is a unique violation (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return chainOf(error).some((e) => codeOf(e) === '23505');
}

/** A SQLSTATE: five digits or upper-case letters. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * SQLSTATEs that say the server or the connection is gone or not ready, not that the statement was wrong:
 * class 08 (connection exception), 53 (insufficient resources, e.g. too many connections), 57P01–57P03
 * (administrator shutdown, crash shutdown, cannot connect now) and 57014 (statement timeout or cancel).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[123]|57014)$/;
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** node-postgres and pg-pool messages for a lost connection or a pool that could not get one in time. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|Cannot use a pool after calling end)/;

/** Whether the database is unreachable (down, restarting, connection lost, pool exhausted): a 503, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chainOf(error).some((e) => {
    const code = codeOf(e);
    if (code !== undefined && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code))) return true;
    const message = (e as { message?: unknown }).message;
    return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
  });
}

const isDriverError = (e: object) => {
  const code = codeOf(e);
  return (
    (code !== undefined && SQLSTATE.test(code) && 'severity' in e) ||
    ('query' in e && 'params' in e) ||
    'statement' in e
  );
};

/** The names of the structural fields of a PostgreSQL error that hold identifiers, never values. */
const STRUCTURAL = ['severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType'] as const;

/**
 * A database error as a log entry without personal data: the error classes, the SQLSTATE, the prepared
 * statement's name and the names of table, column and constraint. Never the SQL text (literals), the
 * parameters (Drizzle puts them into its message), the server's message or `detail` (both quote values:
 * `Key (email)=(…) already exists`), nor `where`. The stack keeps only its frames. Null when the error did
 * not come from the database.
 */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

export function databaseErrorForLog(error: unknown): LoggedError | null {
  const chain = chainOf(error);
  if (!chain.some(isDriverError)) return null;
  const fields: Record<string, string> = {};
  for (const e of chain) {
    const code = codeOf(e);
    if (code !== undefined) fields.code ??= code;
    const statement = (e as { statement?: unknown }).statement;
    if (typeof statement === 'string') fields.statement ??= statement;
    for (const field of STRUCTURAL) {
      const value = (e as Record<string, unknown>)[field];
      if (typeof value === 'string') fields[field] ??= value;
    }
  }
  const stack = (error as { stack?: unknown }).stack;
  return {
    type: chain.map((e) => e.constructor?.name ?? 'Object').join(' < '),
    message: isDatabaseUnavailable(error)
      ? 'database unavailable'
      : `database error ${fields.code ?? 'without SQLSTATE'}`,
    ...fields,
    stack:
      typeof stack === 'string'
        ? stack
            .split('\n')
            .filter((line) => /^\s+at /.test(line))
            .join('\n')
        : '',
  };
}

/** One line about an error for a terminal (CLI): of a database error its log form, never SQL or parameters. */
export function errorLine(error: unknown): string {
  const logged = databaseErrorForLog(error);
  if (logged) {
    const where = [logged.statement, logged.table, logged.constraint].filter((x) => typeof x === 'string');
    return `${logged.message} (${[logged.type, ...where].join(', ')})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Names the prepared statement on an error it raised, for the log (`databaseErrorForLog`). */
export function withStatementName(error: unknown, name: string): unknown {
  if (error !== null && typeof error === 'object' && !('statement' in error)) {
    Object.defineProperty(error, 'statement', { value: name, enumerable: false });
  }
  return error;
}
