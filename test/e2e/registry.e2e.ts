import assert from 'node:assert/strict';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createRecordsService } from '../../src/features/registry/records.ts';
import { signingKeyFrom } from '../../src/features/registry/signing.ts';
import { axeViolations, type Harness, SKIP_REASON, startHarness } from './harness.ts';

const PAGES = [
  '/de/anerkennung',
  '/en/recognition?q=nurse&state=SN&district=',
  '/en/recognition?kldb=81302&state=SN',
  '/de/anerkennung?kldb=26212&district=13072',
  '/de/anerkennung?kldb=43414&state=BE',
  '/de/anerkennung?kldb=81302',
  '/de/auslaenderbehoerde',
  '/de/auslaenderbehoerde?district=12061',
  '/en/foreigners-office?place=Leipzig',
  '/en/missions',
  '/de/auslandsvertretung?country=India',
  '/en/verify/0000-0000-0000-0000',
];

const pem = String(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));

for (const javaScript of [true, false]) {
  describe(`registry pages with JavaScript ${javaScript ? 'on' : 'off'}`, { skip: SKIP_REASON }, () => {
    let h: Harness;
    let verifyPath = '';
    before(async () => {
      h = await startHarness({ RECORD_SIGNING_KEY: pem });
      const records = createRecordsService(h.testApp.database.db, () => signingKeyFrom(pem));
      const issued = await records.issue(
        { personId: randomUUID(), role: 'recognition-officer', organisationId: null },
        {
          person: { name: 'Olena Kovalenko', birthDate: '1985-06-15' },
          profession: { title: 'Lehrerin', key: 'teacher', kldb: '84124' },
          equivalence: 'partial',
          adjustmentMeasures: ['Anpassungslehrgang 12 Monate'],
          authority: 'LaSuB',
          legalBasis: 'BefäAnG Lehrer',
          decisionDate: '2026-09-15',
          issuingState: 'SN',
          noticeReference: null,
        },
      );
      verifyPath = `/en/verify/${issued.code}?state=TH`;
    });
    after(() => h?.close());

    for (const path of [...PAGES, 'verify']) {
      it(`${path} has no axe violations`, async () => {
        const context = await h.axeContext(javaScript);
        const page = await context.newPage();
        await page.goto(h.base + (path === 'verify' ? verifyPath : path));
        assert.deepEqual(await axeViolations(page), []);
        await context.close();
      });
    }

    it('finds the competent authority with the form alone', async () => {
      const context = await h.context(javaScript);
      const page = await context.newPage();
      await page.goto(`${h.base}/en/recognition`);
      await page.fill('#field-q', 'Krankenschwester');
      await page.selectOption('#field-state', 'SN');
      await page.click('button[type=submit]');
      await page.click('text=Nurse (general)');
      assert.match(await page.content(), /Kommunaler Sozialverband Sachsen/);
      await context.close();
    });
  });
}
