import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditCount, csvRows } from '../../../test/support/csv.ts';
import { day, fairWorld, german, type Who } from '../../../test/support/fairs.ts';

/** A fair's exhibitors as CSV: what the organisers see on the organise page, in words, refused as the page is. */
describe('a fair’s exhibitors as CSV', () => {
  let w: Awaited<ReturnType<typeof fairWorld>>;
  let fairId = '';

  before(async () => {
    w = await fairWorld();
    const made = await w.post('sn', '/de/jobmessen/neu', {
      title: 'Pflege in Sachsen',
      description: 'Online-Messe für Pflegekräfte',
      startsOn: german(day(30)),
      endsOn: german(day(31)),
      timeZone: 'Europe/Berlin',
      states: ['SN', 'TH'],
      countries: ['IN'],
      occupation1: 'Softwareentwickler',
    });
    assert.equal(made.statusCode, 303, made.body);
    fairId = /jobmessen\/([0-9a-f-]{36})\/organisation/.exec(made.headers.location ?? '')?.[1] ?? '';
    const ok = await w.post('th', `/de/jobmessen/${fairId}/antwort`, { state: 'TH', answer: 'agreed' });
    assert.equal(ok.statusCode, 303, ok.body);
    const apply = await w.post('firm', `/de/jobmessen/${fairId}/stand/${w.employerId}/bewerben`);
    assert.equal(apply.statusCode, 303, apply.body);
  });
  after(() => w.t.close());

  it('the organise page links to the download of its exhibitors', async () => {
    const page = await w.get('th', `/de/jobmessen/${fairId}/organisation`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`href="/de/jobmessen/${fairId}/organisation\\.csv"`));
  });

  it('holds the employer with its answer in words for an organiser, and writes no audit entry', async () => {
    const sn = (w.who.sn as Who).personId;
    const before = await auditCount(w.db, sn);
    const rows = csvRows(await w.get('sn', `/de/jobmessen/${fairId}/organisation.csv`));
    assert.deepEqual(rows, [
      ['Aussteller', 'Stand der Anmeldung'],
      ['Pflege Leipzig GmbH', 'wartet auf Antwort'],
    ]);
    assert.equal(await auditCount(w.db, sn), before);
    const approve = await w.post('th', `/de/jobmessen/${fairId}/aussteller/${w.employerId}`, {
      to: 'approved',
    });
    assert.equal(approve.statusCode, 303, approve.body);
    const en = csvRows(await w.get('th', `/en/job-fairs/${fairId}/organise.csv`));
    assert.deepEqual(en[1], ['Pflege Leipzig GmbH', 'approved']);
  });

  it('gives an officer of a state not organising the heading only, like the page; refuses as the page does', async () => {
    const berlin = csvRows(await w.get('be', `/de/jobmessen/${fairId}/organisation.csv`));
    assert.equal(berlin.length, 1);
    for (const [who, url] of [
      ['ana', `/de/jobmessen/${fairId}/organisation`],
      ['sn', '/de/jobmessen/00000000-0000-4000-8000-000000000000/organisation'],
    ] as const) {
      const page = await w.get(who, url);
      const csv = await w.get(who, `${url}.csv`);
      assert.ok(page.statusCode >= 400, `${who} ${page.statusCode}`);
      assert.equal(csv.statusCode, page.statusCode);
    }
  });
});
