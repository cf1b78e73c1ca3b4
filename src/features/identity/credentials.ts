import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { Secret, TOTP } from 'otpauth';
import { normaliseForList } from '../../domain/access/passwords.ts';

/**
 * Argon2id with the OWASP Password Storage Cheat Sheet's first recommended setting
 * (m = 19 MiB, t = 2, p = 1); ASVS 11.4.2. `@node-rs/argon2` runs on a worker thread.
 */
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2 as Parameters<typeof hash>[1]);
}

let dummy: Promise<string> | undefined;
/**
 * Verifies a password against a stored hash. For unknown accounts pass `null`: a hash of a
 * random password is verified instead, so that both cases take the same time (ASVS 6.3.8).
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** 256 bits from the CSPRNG, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Common passwords the maintained list lacks: German words and keyboard rows (the list is drawn
 * from English-language breach corpora) and the platform's own name. Kept short on purpose; the
 * bulk comes from the maintained list.
 */
const GERMAN_AND_OWN = [
  'qwertz',
  'yxcvbnm',
  'passwort',
  'ichliebedich',
  'willkommen',
  'benutzer',
  'schokolade',
  'meinpasswort',
  'einszweidrei',
  'fruehling',
  'chancenregion',
  'hallo',
  'schatz',
  'pferd',
  'hasi',
];

/**
 * Endings people add to a common word to get past a list (`passwort123`, `sommer2024!`): a word of
 * the list followed by one of these, or by a year 1950–2030 (optionally with `!`), is common too.
 */
const SUFFIX = /^(.+?)(?:(?:19[5-9]\d|20[0-2]\d|2030)!?|12345|1234|123!?|12|1!?|!|01|11|99|00)$/;

/** The list of common passwords, with the suffix rule applied on lookup (the list stays as loaded). */
class CommonPasswords extends Set<string> {
  override has(password: string): boolean {
    if (super.has(password)) return true;
    const base = SUFFIX.exec(password)?.[1];
    return base !== undefined && super.has(base);
  }
}

let common: CommonPasswords | undefined;

/**
 * The common passwords refused at sign-up and password change (ASVS 5.0 6.2.4): the maintained
 * list of `@zxcvbn-ts/language-common` (about 49 000 passwords from breach corpora, most common
 * first) plus a few German words, normalised like the password (NFKC, lower case). Loaded once.
 */
export function commonPasswords(): ReadonlySet<string> {
  if (common) return common;
  common = new CommonPasswords([...dictionary['passwords-common'], ...GERMAN_AND_OWN].map(normaliseForList));
  return common;
}

export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Chancenregion',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/**
 * Checks a TOTP code (±1 step) and returns the time step it belongs to, or null. The caller
 * refuses steps at or before the last accepted one, so that a code works only once.
 */
export function checkTotp(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, 'x').validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD) + delta;
}

export function currentTotp(secret: string, now: Date): string {
  return totpFor(secret, 'x').generate({ timestamp: now.getTime() });
}

/** Ten recovery codes like `k3m9-x2pq-7d`, 50 bits each. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 10)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
