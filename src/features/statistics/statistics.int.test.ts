import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { actorOf, clockedJourneys } from '../../../test/support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { OPEN_BODY, setUpWay } from '../../../test/support/journey.ts';
import { contentText, readPdf } from '../../../test/support/pdf-text.ts';
import { addDays } from '../../domain/calendar.ts';
import { createStatistics } from './index.ts';

const DAY = 86_400_000;

type Row = Record<string, unknown> & { step: string; state: string };

/**
 * 30 recognitions in Saxony, case i decided (1 + i mod 3) weeks after filing (median 2 weeks, P80 3 weeks), and
 * 3 in Thuringia: Thuringia's count is under 5, so it is hidden, and with it Saxony's, so that the total of all
 * six (33) does not give it away.
 */
describe('statistics: rollup job, dashboard, downloads and API', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    const { b, orgs } = await setUpWay(t.app, db, { makeOrganisation, makeAccount, sessionFor });
    let clock = new Date();
    const service = clockedJourneys(db, () => clock);
    const applicant = actorOf(b('applicant').personId, 'applicant');
    const sn = actorOf(b('recognition').personId, 'recognition-officer', orgs['jt-recognition'] ?? null);
    const start = Date.now() - 100 * DAY;
    for (let i = 0; i < 33; i++) {
      const inTh = i >= 30;
      clock = new Date(start + i * DAY);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'recognition' });
      // The complete file starts the decision deadline (three months, § 6(3) BQFG).
      await service.command(sn, id, { type: 'start-review', step: 'recognition' });
      await service.command(sn, id, { type: 'documents-complete', step: 'recognition' });
      clock = new Date(clock.getTime() + 7 * (1 + (i % 3)) * DAY);
      await service.command(sn, id, { type: 'decide', step: 'recognition', outcome: 'positive' });
      // The step's owner is what places a case in a state: these three belong to Thuringia's body.
      if (inTh)
        await db.execute(
          sql`update journey_step set owner_id = ${orgs['jt-recognition-th']}::uuid where journey_id = ${id}::uuid and kind = 'recognition'`,
        );
    }
    // Six visa decisions of the mission abroad: counted in the state of the journey's foreigners' office (SN).
    const mission = actorOf(b('mission').personId, 'mission-officer', orgs['jt-mission'] ?? null, [
      { scope: 'country', countryCode: 'IN' },
    ]);
    for (let i = 0; i < 6; i++) {
      clock = new Date(start + i * DAY);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'visa-appointment' });
      await service.command(mission, id, { type: 'decide', step: 'visa-appointment', outcome: 'positive' });
      await service.command(applicant, id, { type: 'submit', step: 'visa-decision' });
      clock = new Date(clock.getTime() + 14 * DAY);
      await service.command(mission, id, { type: 'decide', step: 'visa-decision', outcome: 'positive' });
    }
    // The background job, as the scheduler runs it.
    await createStatistics(db, () => new Date())
      .job()
      .handler({});
  });
  after(() => t.close());

  const json = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as { asOf: string; threshold: number; cells: Row[] };
  };

  it('the job writes the rollup, and the API gives the figures with the small state hidden', async () => {
    const rows = await t.database.db.execute(
      sql`select state_code, sum(decided)::int as decided from statistics_rollup where step = 'recognition' group by 1 order by 1`,
    );
    assert.deepEqual((rows as unknown as { rows: { state_code: string; decided: number }[] }).rows ?? rows, [
      { state_code: 'SN', decided: 30 },
      { state_code: 'TH', decided: 3 },
    ]);
    const body = await json('/api/v1/statistics?step=recognition');
    assert.equal(body.threshold, 5);
    const cell = (state: string) => body.cells.find((c) => c.state === state) as Row;
    assert.equal(cell('TH').decided, null);
    assert.equal(cell('TH').decided_suppressed, true);
    assert.equal(cell('TH').median_weeks, null);
    assert.equal(cell('SN').decided_suppressed, true, 'secondary: Saxony hidden too');
    assert.equal(cell('SN').decided, null);
    assert.equal(cell('all').decided, 33, 'the total of all six is published');
    assert.equal(cell('all').median_weeks, 2);
    assert.equal(cell('all').p80_weeks, 3);
    assert.equal(cell('BE').decided, 0);
    assert.equal(cell('all').has_deadline, true);
    assert.equal(cell('all').within_deadline_share, 1, 'all decided within three months');
    assert.equal(cell('TH').within_deadline_share, null);
    // No published figure gives Thuringia's count: all − the published states leaves SN + TH together.
    const published = body.cells
      .filter((c) => c.state !== 'all' && c.decided !== null)
      .reduce((a, c) => a + Number(c.decided), 0);
    assert.equal(Number(cell('all').decided) - published, 33, 'only the sum of the two hidden states');
    assert.equal(cell('all').open, 0);
  });

  it('counts a step of a mission abroad in the state the person goes to', async () => {
    const visa = await json('/api/v1/statistics?step=visa-decision&state=SN');
    assert.equal(visa.cells[0]?.decided, 6);
    assert.equal(visa.cells[0]?.median_weeks, 2);
  });

  it('filters by state and step, names the field of a bad filter', async () => {
    const th = await json('/api/v1/statistics?state=TH');
    assert.equal(th.cells.length, 5);
    assert.ok(th.cells.every((c) => c.state === 'TH'));
    for (const [url, field] of [
      ['/api/v1/statistics?state=XX', 'state'],
      ['/api/v1/statistics?step=passport', 'step'],
      ['/api/v1/statistics.csv?state=sachsen', 'state'],
    ] as const) {
      const bad = await t.app.inject({ method: 'GET', url });
      assert.equal(bad.statusCode, 400, url);
      assert.match(bad.body, new RegExp(`query\\.${field}|"${field}"`), url);
    }
  });

  it('gives the same table as CSV, with the dictionary naming every column', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/statistics.csv?step=recognition' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const [header, ...lines] = res.body.trim().split('\r\n');
    const dict = (await t.app.inject({ method: 'GET', url: '/api/v1/statistics/dictionary' })).json() as {
      fields: { name: string }[];
    };
    assert.equal(header, dict.fields.map((f) => f.name).join(','));
    const cols = (header ?? '').split(',');
    const rec = (state: string) => {
      const line = lines.find((l) => l.split(',')[1] === state) ?? '';
      return Object.fromEntries(line.split(',').map((v, i) => [cols[i], v]));
    };
    assert.equal(lines.length, 7);
    assert.equal(rec('TH').decided, '');
    assert.equal(rec('TH').decided_suppressed, 'true');
    assert.equal(rec('all').decided, '33');
  });

  it('shows the dashboard in German and English: hidden cells in words, a chart with its table', async () => {
    for (const url of ['/de/statistik', '/en/statistics', '/de/statistik/th', '/en/statistics/sn']) {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /role="img"/);
      assert.match(res.body, /<table/);
      assert.match(res.body, url.startsWith('/de') ? /weniger als 5/ : /fewer than 5/);
      assert.match(res.body, /api\/v1\/statistics\.csv/);
    }
    const th = (await t.app.inject({ method: 'GET', url: '/en/statistics/th' })).body;
    assert.match(th, /Thuringia/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/de/statistik/xx' })).statusCode, 404);
  });

  const pdf = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /attachment; filename=".+\.pdf"/);
    return readPdf(res.rawPayload);
  };

  it('gives the report of a chosen period as a tagged PDF, hidden cells in words', async () => {
    const { asOf } = await json('/api/v1/statistics?step=recognition');
    const from = addDays(asOf, -200);
    const de = await pdf(`/de/statistik/bericht.pdf?from=${from}&to=${asOf}`);
    const text = contentText(de);
    assert.match(de.doc.getTitle() ?? '', /Alle sechs Länder/);
    for (const w of [
      'Sachsen',
      'Thüringen',
      'weniger als 5',
      'Anerkennung eines ausländischen Abschlusses',
      '33',
    ])
      assert.ok(text.includes(w), w);
    // Thuringia's 3 cases and, by secondary suppression, Saxony's 30 are hidden; the total of all six is not.
    assert.ok(text.includes('Sachsen\nweniger als 5\nweniger als 5'), 'Saxony hidden');
    assert.ok(text.includes('Thüringen\nweniger als 5\nweniger als 5'), 'Thuringia hidden');
    assert.ok(text.includes('Alle sechs Länder\n33\n2 Wochen\n3 Wochen\n100 %'), 'the total');
    const en = await pdf(`/en/statistics/report.pdf?state=th&from=${from.slice(0, 4)}-W${'01'}&to=${asOf}`);
    const enText = contentText(en);
    assert.match(en.doc.getTitle() ?? '', /Thuringia/);
    assert.ok(enText.includes('fewer than 5'));
    assert.ok(enText.includes('Thuringia: fewer than 5 cases decided'));
  });

  it('publishes the dashboard window identically, and a period without cases as zeros', async () => {
    const statistics = createStatistics(t.database.db, () => new Date());
    const s = await statistics.current();
    assert.deepEqual((await statistics.forWindow({ from: s.windowFrom, to: s.asOf })).cells, s.cells);
    const early = await statistics.forWindow({ from: addDays(s.asOf, -400), to: addDays(s.asOf, -300) });
    const all = early.cells.find((c) => c.step === 'recognition' && c.state === 'all');
    assert.equal(all?.decided.value, 0);
    const url = `/de/statistik/bericht.pdf?state=SN&from=${addDays(s.asOf, -7)}&to=${s.asOf}`;
    const text = contentText(await pdf(url));
    const [a, b] = await Promise.all([1, 2].map(() => t.app.inject({ method: 'GET', url })));
    assert.ok(
      a?.rawPayload.equals(b?.rawPayload ?? Buffer.alloc(0)),
      'a report asked for again is the kept one',
    );
    assert.ok(
      text.includes('Sachsen: 0 entschiedene Fälle; zur Dauer gibt es keine Angabe.'),
      text.slice(0, 400),
    );
  });

  it('answers a bad period or state with 400 naming the field', async () => {
    const { asOf } = await json('/api/v1/statistics?step=recognition');
    for (const [q, field] of [
      ['from=2026-13-01&to=2026-12-01', 'from'],
      ['from=2026-W99&to=2026-12-01', 'from'],
      [`from=${asOf}&to=${addDays(asOf, -1)}`, 'to'],
      [`from=${addDays(asOf, -1200)}&to=${asOf}`, 'to'],
      [`from=${asOf}&to=${addDays(asOf, 1)}`, 'to'],
      [`to=${asOf}`, 'from'],
      [`state=XX&from=${asOf}&to=${asOf}`, 'state'],
    ] as const) {
      for (const base of ['/de/statistik/bericht.pdf', '/en/statistics/report.pdf']) {
        const res = await t.app.inject({ method: 'GET', url: `${base}?${q}` });
        assert.equal(res.statusCode, 400, `${base}?${q}`);
        assert.match(res.body, new RegExp(`query\\.${field}`), `${q}: ${res.body}`);
      }
    }
  });

  it('shows a browser the dashboard again with the message at the field of a bad period', async () => {
    const { asOf } = await json('/api/v1/statistics?step=recognition');
    const res = await t.app.inject({
      method: 'GET',
      url: `/de/statistik/bericht.pdf?state=TH&from=gestern&to=${asOf}`,
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.body, /Vom: Geben Sie einen Tag ein, zum Beispiel 02\.03\.2026\./);
    assert.match(res.body, /id="field-from"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="field-from"/);
    assert.match(res.body, /value="gestern"/);
    assert.match(res.body, /<option value="TH" selected/);
    const en = await t.app.inject({
      method: 'GET',
      url: `/en/statistics/report.pdf?from=${asOf}&to=2020-01-01`,
      headers: { accept: 'text/html' },
    });
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /To: the end is before the start of the period\./);
  });

  it('offers the report on the dashboard with a plain GET form', async () => {
    const de = (await t.app.inject({ method: 'GET', url: '/de/statistik/th' })).body;
    assert.match(de, /<form method="get" action="\/de\/statistik\/bericht\.pdf"/);
    assert.match(de, /<option value="TH" selected/);
    assert.match(de, /name="from"/);
    const en = (await t.app.inject({ method: 'GET', url: '/en/statistics' })).body;
    assert.match(en, /action="\/en\/statistics\/report\.pdf"/);
  });
});
