import { parseArgs } from 'node:util';
import { isRole } from '../domain/access/roles.ts';
import { AccountError, createUser, totpFor } from '../features/identity/index.ts';
import { verifyAudit } from '../platform/audit/audit.ts';
import type { Progress } from '../platform/cli/progress.ts';
import type { Config } from '../platform/config.ts';
import type { DatabaseHandle } from '../platform/db/client.ts';
import { formatDemoAccounts, hasAnyPerson, seedDemo } from '../seed/identity-demo.ts';

export const IDENTITY_USAGE = `  users create          create a user: --email E --role R [--org SLUG] [--name N]; password on stdin
  audit verify          check the audit trail's hash chain; exit 1 naming the first broken entry
  seed --demo           also create demo organisations and one account per role (not in production)`;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
}

export const processIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** `audit verify`: exit 0 when the chain is intact, 1 naming the first broken entry. */
export async function auditVerify(db: DatabaseHandle, io: CliIo): Promise<number> {
  const result = await verifyAudit(db.db);
  if (result.ok) {
    io.stdout(`Audit trail intact: ${result.entries} entries verified.\n`);
    return 0;
  }
  io.stderr(
    `Audit trail BROKEN at entry seq=${result.brokenSeq} (${result.reason === 'hash-mismatch' ? 'the entry was altered' : 'an entry before it was altered or removed'}); ${result.entries - 1} entries before it verified.\n`,
  );
  return 1;
}

/** `users create --email E --role R [--org SLUG]`, password from the first line of stdin. */
export async function usersCreate(db: DatabaseHandle, argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const email = typeof values.email === 'string' ? values.email : '';
  const role = values.role;
  if (!email.includes('@') || !isRole(role)) {
    io.stderr('Usage: chancenregion users create --email E --role R [--org SLUG] [--name N] < password\n');
    return 64;
  }
  const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
  try {
    const { totpSecret } = await createUser(
      db.db,
      {
        email,
        role,
        password,
        organisationSlug: typeof values.org === 'string' ? values.org : undefined,
        displayName: typeof values.name === 'string' ? values.name : undefined,
        verified: true,
        withTotp: [
          'recognition-officer',
          'foreigners-office-caseworker',
          'mission-officer',
          'employment-agency-officer',
          'ministry-officer',
          'administrator',
        ].includes(role),
      },
      new Date(),
    );
    io.stdout(`Created ${email} with role ${role}.\n`);
    if (totpSecret)
      io.stdout(
        `Second factor (add to an authenticator app; shown only now):\n  ${totpFor(totpSecret, email).toString()}\n`,
      );
    return 0;
  } catch (error) {
    if (error instanceof AccountError) {
      io.stderr(`Refused: ${error.reason}\n`);
      return 65;
    }
    throw error;
  }
}

/** `seed --demo`, and the first start of the embedded default. */
export async function demoSeed(
  db: DatabaseHandle,
  config: Config,
  io: CliIo,
  progress: Progress,
): Promise<number> {
  if (config.NODE_ENV === 'production') {
    io.stderr('Refused: demo accounts are not created when NODE_ENV=production.\n');
    return 78;
  }
  const accounts = await progress.step('Creating demo organisations and accounts', () =>
    seedDemo(db.db, config.NODE_ENV, new Date()),
  );
  if (accounts) io.stdout(formatDemoAccounts(accounts));
  else progress.info('  demo accounts exist already (passwords were printed when they were made)');
  return 0;
}

/** On the first start of the embedded default (PGlite, empty, not production) the demo is set up. */
export async function demoOnFirstStart(
  db: DatabaseHandle,
  config: Config,
  progress: Progress,
): Promise<void> {
  if (db.kind !== 'pglite' || config.NODE_ENV === 'production') return;
  if (await hasAnyPerson(db.db)) return;
  await demoSeed(db, config, processIo, progress);
}
