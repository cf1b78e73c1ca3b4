import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { like } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { makeAccount, makeOrganisation } from '../../../test/support/identity.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { outboxMail } from '../../platform/mail/schema.ts';
import { createRegistrySnapshot } from '../registry/index.ts';
import { sendOverlapDigest } from './digest.ts';
import { stateActivity } from './schema.ts';

describe('the weekly overlap digest', () => {
  let database: TestDatabase;
  const orgs: Record<string, string> = {};
  before(async () => {
    database = await createTestDatabase();
    for (const code of ['SN', 'TH', 'BB'])
      orgs[code] = await makeOrganisation(database.db, {
        slug: `digest-${code.toLowerCase()}`,
        name: `Ministerium ${code}`,
        kind: 'state-ministry',
        jurisdictions: [{ scope: 'state', stateCode: code }],
      });
    for (const code of ['SN', 'TH', 'BB'])
      await makeAccount(database.db, 'ministry-officer', `digest-${code.toLowerCase()}`, {
        email: `officer-${code.toLowerCase()}@digest.example`,
      });
  });
  after(() => database.destroy());

  const add = (stateCode: string, title: string, countries: string[], start: string, end: string) =>
    database.db.insert(stateActivity).values({
      stateCode,
      organisationId: orgs[stateCode] as string,
      kind: 'recruitment-project',
      title,
      countries,
      occupations: ['81302'],
      periodStart: start,
      periodEnd: end,
      contactName: 'Kontakt',
      contactEmail: 'kontakt@example.org',
      status: 'running',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
  const mails = () =>
    database.db.select().from(outboxMail).where(like(outboxMail.toAddress, '%@digest.example'));
  const deps = () => ({
    mailer: createMailer({ from: 'noreply@example.org' }),
    registry: createRegistrySnapshot(database.db),
    baseUrl: 'https://chancenregion.example',
  });

  it('mails each state its new overlaps once, in both languages, and nothing the next week', async () => {
    await add('SN', 'Pflege Vietnam', ['VN'], '2026-01-01', '2026-12-31');
    await add('TH', 'Pflegeoffensive Vietnam', ['VN'], '2026-06-01', '2027-05-31');
    await add('BB', 'Pflege Philippinen', ['PH'], '2027-01-01', '2027-06-30');
    assert.equal(await sendOverlapDigest(database.db, deps(), new Date('2026-12-07T06:00:00Z')), 3);
    const sent = await mails();
    const to = (who: string) => sent.find((m) => m.toAddress === `officer-${who}@digest.example`);
    assert.match(
      to('sn')?.text ?? '',
      /Thüringen: „Pflegeoffensive Vietnam“ und Ihre Aktivität „Pflege Vietnam“/,
    );
    assert.match(
      to('sn')?.text ?? '',
      /Thuringia: “Pflegeoffensive Vietnam” and your activity “Pflege Vietnam”/,
    );
    assert.match(to('sn')?.text ?? '', /https:\/\/chancenregion\.example\/de\/laender\/ueberschneidungen/);
    assert.match(to('th')?.text ?? '', /Brandenburg/);
    assert.match(to('bb')?.subject ?? '', /\(1\)/);
    assert.equal(await sendOverlapDigest(database.db, deps(), new Date('2026-12-14T06:00:00Z')), 0);
    await add('BB', 'Pflege Vietnam 2027', ['VN'], '2027-01-01', '2027-03-31');
    assert.equal(await sendOverlapDigest(database.db, deps(), new Date('2026-12-21T06:00:00Z')), 2);
    assert.equal((await mails()).length, 5);
  });
});
