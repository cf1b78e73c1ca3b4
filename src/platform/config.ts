import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the process, parsed once at boot. Documented in README.md and .env.example;
 * a test keeps the three in step.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

/** The near-breach window when the configuration is not at hand (seeds, benchmarks, tests); the app passes its config. */
export const DEFAULT_NEAR_BREACH_DAYS = 7;
/** Connections to PostgreSQL per process (`DATABASE_POOL_SIZE`); the benchmark measures with the same pool. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;
/** Longest a statement may run on PostgreSQL (`DATABASE_STATEMENT_TIMEOUT_MS`); then it is cancelled (57014, 503). */
export const DEFAULT_DATABASE_STATEMENT_TIMEOUT_MS = 30_000;
/** How long a stored answer of an `Idempotency-Key` counts, when the configuration is not at hand. */
export const DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS = 24;

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
      .default('development'),
    HOST: z.string().min(1).default('localhost'),
    PORT: integer(0, 65535).default(3000),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
    DATABASE_POOL_SIZE: integer(1, 200).default(DEFAULT_DATABASE_POOL_SIZE),
    /** PostgreSQL's `statement_timeout` for the app's connections; 0 switches it off. */
    DATABASE_STATEMENT_TIMEOUT_MS: integer(0, 3_600_000).default(DEFAULT_DATABASE_STATEMENT_TIMEOUT_MS),
    PUBLIC_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
    TRUST_PROXY: booleanString.default(false),
    COOKIE_SECRET: z.string().min(32, { error: 'must be at least 32 characters long' }).optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    BODY_LIMIT_BYTES: integer(1024, 50 * 1024 * 1024).default(1024 * 1024),
    /** Largest uploaded document (PDF, JPEG, PNG); enforced while the upload streams. */
    DOCUMENT_MAX_BYTES: integer(1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
    RATE_LIMIT_PER_MINUTE: integer(1, 100_000).default(30),
    JOBS_ENABLED: booleanString.default(true),
    REFERENCE_MAX_AGE_DAYS: integer(1, 10_000).default(365),
    REFERENCE_CHECK_CRON: z.string().min(9).default('0 3 * * *'),
    /** A running deadline with this many days or fewer left counts as near-breach (work queue, alerts). */
    DEADLINE_NEAR_BREACH_DAYS: integer(0, 60).default(DEFAULT_NEAR_BREACH_DAYS),
    /** Days before a joint draft's sign-off deadline from which states that have not signed are reminded daily. */
    DRAFT_REMINDER_DAYS: integer(0, 60).default(7),
    /** Hours an `Idempotency-Key` and its stored answer are kept; older keys count as unknown and are deleted. */
    IDEMPOTENCY_KEY_TTL_HOURS: integer(1, 8760).default(DEFAULT_IDEMPOTENCY_KEY_TTL_HOURS),
    /** Milliseconds a webhook delivery attempt may take; the first retry's delay in seconds (then ×4 each). */
    WEBHOOK_TIMEOUT_MS: integer(100, 60_000).default(10_000),
    WEBHOOK_RETRY_BASE_SECONDS: integer(1, 3_600).default(30),
    OPERATOR_NAME: z.string().min(1).optional(),
    OPERATOR_ADDRESS: z.string().min(1).optional(),
    OPERATOR_EMAIL: z.email({ error: 'must be an email address' }).optional(),
    OPERATOR_PHONE: z.string().min(1).optional(),
    OPERATOR_REPRESENTATIVE: z.string().min(1).optional(),
    SHUTDOWN_GRACE_MS: integer(0, 120_000).default(10_000),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { error: 'must be an smtp:// or smtps:// URL' })
      .optional(),
    MAIL_FROM: z.string().min(3).default('Chancenregion <noreply@localhost>'),
    OIDC_CITIZEN_ISSUER: z.url({ error: 'must be an absolute URL' }).optional(),
    OIDC_CITIZEN_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CITIZEN_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_AUTHORITY_ISSUER: z.url({ error: 'must be an absolute URL' }).optional(),
    OIDC_AUTHORITY_CLIENT_ID: z.string().min(1).optional(),
    OIDC_AUTHORITY_CLIENT_SECRET: z.string().min(1).optional(),
    /** Ed25519 private key (PKCS#8 PEM) that signs recognition records; outside production kept in DATA_DIR. */
    RECORD_SIGNING_KEY: z
      .string()
      .regex(/-----BEGIN PRIVATE KEY-----/, { error: 'must be an Ed25519 private key in PKCS#8 PEM form' })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    const required = [
      'COOKIE_SECRET',
      'DATABASE_URL',
      'PUBLIC_URL',
      'OPERATOR_NAME',
      'OPERATOR_ADDRESS',
      'OPERATOR_EMAIL',
      'RECORD_SIGNING_KEY',
    ] as const;
    for (const key of required) {
      if (c[key] === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
      }
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends Omit<RawConfig, 'COOKIE_SECRET'> {
  readonly COOKIE_SECRET: string;
  readonly dbKind: 'pglite' | 'postgres';
  readonly version: string;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function parseConfig(env: Record<string, string | undefined>, version = packageVersion()): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`));
  }
  const c = result.data;
  const dataDir = path.resolve(c.DATA_DIR);
  const unusable = dataDirProblem(dataDir);
  if (unusable) throw new ConfigError([`DATA_DIR ${unusable}`]);
  return {
    ...c,
    DATA_DIR: dataDir,
    COOKIE_SECRET: c.COOKIE_SECRET ?? localSecret(dataDir),
    dbKind: c.DATABASE_URL ? 'postgres' : 'pglite',
    version,
  };
}

/**
 * Why the data directory cannot be used, if it cannot: it (or the nearest part of its path that exists) must be
 * a directory this process may write to, since documents, local secrets and the embedded database live there.
 */
function dataDirProblem(dataDir: string): string | undefined {
  let existing = dataDir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (!statSync(existing).isDirectory()) {
    return existing === dataDir
      ? `must be a directory: ${dataDir} is a file`
      : `cannot be created: ${existing} (on the way to ${dataDir}) is a file`;
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    return existing === dataDir
      ? `must be a directory this process may write to: ${dataDir} is not writable`
      : `cannot be created: ${existing} (on the way to ${dataDir}) is not writable`;
  }
  return undefined;
}

/**
 * Outside production a missing COOKIE_SECRET is generated once and kept in the data directory,
 * so that sessions survive a restart of the embedded default. Production refuses to start without one.
 */
function localSecret(dataDir: string): string {
  const file = path.join(dataDir, '.cookie-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
