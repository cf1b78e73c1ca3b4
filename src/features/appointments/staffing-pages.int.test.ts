import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { actorOf, clockedJourneys } from '../../../test/support/clocked-journeys.ts';
import { makeAccount, makeOrganisation, sessionFor } from '../../../test/support/identity.ts';
import { apiClient, type Browser, OPEN_BODY, pageClient, setUpWay } from '../../../test/support/journey.ts';
import type { Actor } from '../../domain/access/policy.ts';

/** The memo's test case 4 (capacity-appointments.md § 5.9): four offices A–D, T = 26, K = 4. */
const MEMO = [
  { backlog: '400', arrivals: '60', mu: '5', fte: '10' },
  { backlog: '100', arrivals: '44', mu: '5', fte: '8' },
  { backlog: '0', arrivals: '30', mu: '5', fte: '7' },
  { backlog: '250', arrivals: '36', mu: '4', fte: '8' },
];

describe('workload and staffing pages (issue 15, V2.3; no JavaScript)', () => {
  let t: TestApp;
  let b: (name: string) => Browser;
  before(async () => {
    t = await buildTestApp();
    b = (await setUpWay(t.app, t.database.db, { makeOrganisation, makeAccount, sessionFor })).b;
    const api = apiClient(t.app);
    const opened = await api.open(b('applicant'));
    const id = (JSON.parse(opened.body) as { journeyId: string }).journeyId;
    const sent = await api.command(b('applicant'), id, { type: 'submit', step: 'recognition' });
    assert.equal(sent.statusCode, 200, sent.body);
  });
  after(() => t.close());

  const get = (who: string, url: string) => pageClient(t.app, b).get(who, url);

  /** The ids of the offices in the order the calculator lists them, from its prefilled form. */
  async function officeIds(region: string) {
    const page = await get('ministry', `/de/ministerium/personal?region=${region}`);
    assert.equal(page.statusCode, 200, page.body);
    return [...page.body.matchAll(/name="o(\d+)-id" value="([0-9a-f-]+)"/g)].map((m) => m[2] as string);
  }

  function query(ids: readonly string[], rows: readonly Record<string, string>[], k: string) {
    const q = new URLSearchParams({ region: 'all', go: '1', k, t: '26' });
    ids.forEach((id, i) => {
      const r = rows[i] as Record<string, string>;
      q.set(`o${i}-id`, id);
      q.set(`o${i}-backlog`, r.backlog as string);
      q.set(`o${i}-arrivals`, r.arrivals as string);
      q.set(`o${i}-completions`, '0');
      q.set(`o${i}-fte`, r.fte as string);
      q.set(`o${i}-mu`, r.mu as string);
    });
    return q.toString();
  }

  it('shows an office its own workload: weeks, chart with table, not enough data named with n', async () => {
    const own = await get('recognition', '/de/behoerde/auslastung');
    assert.equal(own.statusCode, 200, own.body);
    assert.match(own.body, /Anerkennungsstelle Sachsen/);
    assert.match(own.body, /<svg[^>]*role="img"[^>]*aria-label="Liniendiagramm/);
    assert.match(own.body, /Offene Fälle heute<\/dt><dd[^>]*>1 Fall</);
    assert.match(own.body, /Noch zu wenige Daten: 0 entschiedene Fälle, nötig sind 30/);
    const rows = [...own.body.matchAll(/Woche bis /g)];
    assert.equal(rows.length, 26);
    const other = await get('abh', '/en/authority/workload');
    assert.equal(other.statusCode, 200);
    assert.match(other.body, /Ausländerbehörde Görlitz/);
    assert.doesNotMatch(other.body, /Anerkennungsstelle Sachsen/);
    assert.match(other.body, /Open cases today<\/dt><dd[^>]*>0 cases</);
  });

  it('with 30 decided cases shows the open cases in weeks of decisions and prefills the calculator', async () => {
    const day = 24 * 3600 * 1000;
    let clock = new Date(Date.now() - 20 * day);
    const service = clockedJourneys(t.database.db, () => clock);
    const applicant: Actor = actorOf(b('stranger').personId, 'applicant');
    const officer: Actor = actorOf(
      b('recognition').personId,
      'recognition-officer',
      b('recognition').organisationId,
    );
    for (let i = 0; i < 30; i += 1) {
      clock = new Date(Date.now() - 20 * day);
      const id = (await service.open(applicant, OPEN_BODY)).body.journeyId;
      await service.command(applicant, id, { type: 'submit', step: 'recognition' });
      clock = new Date(Date.now() - 5 * day);
      await service.command(officer, id, { type: 'decide', step: 'recognition', outcome: 'positive' });
    }
    const page = await get('recognition', '/de/behoerde/auslastung');
    assert.equal(page.statusCode, 200);
    // One case open, 30 decided in 26 weeks: 30/26 ≈ 1,2 a week, so 1 ÷ 1,15 ≈ 0,9 weeks of work.
    assert.match(page.body, /1,2 je Woche/);
    assert.match(page.body, /0,9 Wochen Arbeit/);
    assert.match(page.body, /Grundlage: 30 entschiedene Fälle/);
    const calc = await get('ministry', '/de/ministerium/personal');
    // Decisions per week over the last 12 weeks: 30/12 = 2,5.
    assert.match(calc.body, /name="o0-completions"[^>]*value="2,5"/);
    assert.match(calc.body, /Vorgefüllt aus den letzten 26 Wochen: 30 entschiedene Fälle/);
  });

  it('says plainly that no staff number is stored, with the one next step', async () => {
    const page = await get('recognition', '/de/behoerde/auslastung');
    assert.match(page.body, /noch nicht gespeichert, wie viele Vollzeitkräfte/);
    assert.match(page.body, /Nächster Schritt: Tragen Sie unten die Zahl der Vollzeitkräfte ein/);
    assert.match(page.body, /name="effectiveFrom"[^>]*value="\d\d\.\d\d\.\d{4}"/);
    const calc = await get('ministry', '/de/ministerium/personal');
    assert.match(calc.body, /gespeichert hat \(0 von 3 Behörden\)/);
    assert.doesNotMatch(calc.body, /name="o\d-fte"[^>]*value="\d/);
  });

  it('stores the staff number from the form (no JavaScript) and shows cases per full-time caseworker', async () => {
    const form = pageClient(t.app, b).form;
    const bad = await form('recognition', '/de/behoerde/auslastung', {
      fte: '-1',
      effectiveFrom: '31.02.2026',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(
      bad.body,
      /href="#field-fte">Vollzeitkräfte in der Sachbearbeitung: darf nicht kleiner als 0 sein/,
    );
    assert.match(bad.body, /href="#field-effectiveFrom">Gültig ab: Geben Sie einen echten Tag/);
    const big = await form('recognition', '/en/authority/workload', {
      fte: '1001',
      effectiveFrom: '01.01.2026',
    });
    assert.equal(big.statusCode, 422);
    assert.match(big.body, /Full-time caseworkers: must not be more than 1,000/);
    const first = await form('recognition', '/de/behoerde/auslastung', {
      fte: '2',
      effectiveFrom: '01.01.2026',
    });
    assert.equal(first.statusCode, 303, first.body);
    const saved = await form('recognition', '/de/behoerde/auslastung', {
      fte: '0,5',
      effectiveFrom: '01.02.2026',
    });
    assert.equal(saved.statusCode, 303);
    assert.match(String(saved.headers.location), /\/de\/behoerde\/auslastung\?done=staff/);
    const page = await get('recognition', '/de/behoerde/auslastung?done=staff');
    assert.match(page.body, /Die Zahl der Vollzeitkräfte ist gespeichert/);
    assert.match(page.body, /Vollzeitkräfte in der Sachbearbeitung<\/dt><dd[^>]*>0,5 ab 1\. Februar 2026/);
    // One open case ÷ 0,5 = 2; 30 decisions in 26 weeks ≈ 1,15 a week ÷ 0,5 ≈ 2,3.
    assert.match(page.body, /Offene Fälle je Vollzeitkraft<\/dt><dd[^>]*>2 Fälle/);
    assert.match(page.body, /Entschiedene Fälle je Vollzeitkraft<\/dt><dd[^>]*>2,3 je Woche/);
    assert.match(
      page.body,
      /0,5 Vollzeitkräfte ab 1\. Februar 2026[^<]*<\/li><li>2 Vollzeitkräfte ab 1\. Januar 2026/,
    );
    const other = await get('abh', '/de/behoerde/auslastung');
    assert.match(
      other.body,
      /noch nicht gespeichert, wie viele Vollzeitkräfte/,
      'another office keeps its own',
    );
  });

  it('fills the calculator with the FTE each office stored and derives the decisions per FTE from it', async () => {
    const calc = await get('ministry', '/de/ministerium/personal');
    assert.match(calc.body, /gespeichert hat \(1 von 3 Behörden\)/);
    assert.match(calc.body, /name="o0-fte"[^>]*value="0,5"/);
    assert.match(calc.body, /wie die Behörde sie gespeichert hat: 0,5 ab 1\. Februar 2026/);
    const ids = await officeIds('SN');
    const q = new URLSearchParams({ region: 'SN', go: '1', k: '1', t: '26' });
    ids.forEach((id, i) => {
      q.set(`o${i}-id`, id);
      for (const f of ['backlog', 'arrivals', 'completions']) q.set(`o${i}-${f}`, '1');
      q.set(`o${i}-fte`, i === 0 ? '0,5' : '1');
    });
    assert.match(calc.body, /name="o0-mu"[^>]*value\/>/, 'decisions per FTE left to be derived');
    assert.match(
      calc.body,
      /leer, gelten die entschiedenen Fälle je Woche geteilt durch die Vollzeitstellen/,
    );
    const res = await get('ministry', `/de/ministerium/personal?${q}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Verteilung je Behörde/);
  });

  it('keeps the workload page to office staff', async () => {
    for (const who of ['applicant', 'counsellor', 'ministry', 'employer']) {
      const res = await get(who, '/de/behoerde/auslastung');
      assert.ok([403, 404].includes(res.statusCode), `${who}: ${res.statusCode}`);
    }
  });

  it('lists the offices of the ministry’s own state, or all six states', async () => {
    const own = await get('ministry', '/de/ministerium/personal');
    assert.equal(own.statusCode, 200);
    assert.match(own.body, /Ausländerbehörde Görlitz/);
    assert.match(own.body, /Zentrale Ausländerbehörde Sachsen/);
    assert.doesNotMatch(own.body, /Anerkennungsstelle Thüringen/);
    assert.doesNotMatch(own.body, /Botschaft New Delhi/, 'missions are not planned here');
    assert.equal((await officeIds('SN')).length, 3);
    assert.equal((await officeIds('all')).length, 4);
  });

  it('places K = 4 by both objectives for the memo’s four offices (A+2, D+2; worst 6,7 weeks)', async () => {
    const ids = await officeIds('all');
    const res = await get('ministry', `/de/ministerium/personal?${query(ids, MEMO, '4')}`);
    assert.equal(res.statusCode, 200, res.body);
    const table = (caption: string) => {
      const start = res.body.indexOf(caption);
      assert.ok(start > 0, caption);
      return res.body.slice(start, res.body.indexOf('</table>', start));
    };
    const row = (html: string, name: string) => {
      const at = html.indexOf(`>${name}</th>`);
      assert.ok(at > 0, name);
      return html.slice(at, html.indexOf('</tr>', at));
    };
    const allocation = table('Verteilung je Behörde');
    const cells = (name: string) =>
      [...row(allocation, name).matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    // Columns: now, minimax, weighted mean.
    assert.equal(cells('Anerkennungsstelle Sachsen')[0], '13,2 Wochen');
    assert.match(cells('Anerkennungsstelle Sachsen')[1] ?? '', /^\+2 Stellen: 6,7 Wochen$/);
    assert.match(cells('Anerkennungsstelle Thüringen')[1] ?? '', /^\+2 Stellen: 3,7 Wochen$/);
    assert.match(cells('Ausländerbehörde Görlitz')[1] ?? '', /^\+0 Stellen: 5,1 Wochen$/);
    // The weighted mean places A+3, B+1 (memo case 5).
    assert.match(cells('Anerkennungsstelle Sachsen')[2] ?? '', /^\+3 Stellen/);
    assert.match(cells('Ausländerbehörde Görlitz')[2] ?? '', /^\+1 Stelle:/);
    assert.match(table('Beide Ziele im Vergleich'), /13,2 Wochen → 6,7 Wochen/);
    assert.match(table('Beide Ziele im Vergleich'), /→ 4,2 Wochen/);
    // One more at D cuts its own wait by 4.1 weeks; only A helps the worst wait.
    const marginal = table('Eine Stelle mehr');
    assert.match(row(marginal, 'Anerkennungsstelle Thüringen'), /4,1 Wochen<\/td>\s*$/);
    assert.match(row(marginal, 'Ausländerbehörde Görlitz'), /^>[^<]*<\/th>\s*<td[^>]*>0 Wochen<\/td>/);
  });

  it('answers a bad FTE with 400 naming the office and the field, in plain words', async () => {
    const ids = await officeIds('all');
    const rows = MEMO.map((r, i) => (i === 1 ? { ...r, fte: '-2' } : r));
    const res = await get('ministry', `/de/ministerium/personal?${query(ids, rows, '4')}`);
    assert.equal(res.statusCode, 400);
    assert.match(
      res.body,
      /href="#field-o1-fte">Ausländerbehörde Görlitz: Vollzeitstellen – darf nicht kleiner als 0 sein/,
    );
    assert.doesNotMatch(res.body, /offices\[|fte\b.*finiteNonNegative/);
    const word = MEMO.map((r, i) => (i === 3 ? { ...r, fte: 'acht' } : r));
    const res2 = await get('ministry', `/en/ministry/staffing?${query(ids, word, '4')}`);
    assert.equal(res2.statusCode, 400);
    assert.match(res2.body, /Anerkennungsstelle Thüringen: Full-time staff – please enter a number/);
    const k = await get('ministry', `/de/ministerium/personal?${query(ids, MEMO, '1,5')}`);
    assert.equal(k.statusCode, 400);
    assert.match(
      k.body,
      /Zusätzliche Sachbearbeiterinnen und Sachbearbeiter – bitte eine ganze Zahl eingeben/,
    );
  });

  it('keeps the calculator to ministry officers', async () => {
    for (const who of ['abh', 'zab', 'recognition', 'applicant', 'admin']) {
      const res = await get(who, '/de/ministerium/personal');
      assert.ok([403, 404].includes(res.statusCode), `${who}: ${res.statusCode}`);
    }
  });
});
