import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { PATHWAY_IDS } from '../../domain/law/index.ts';
import { pathwayAnswers } from './schema.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** The request of the issue: an Indian software developer abroad with a 52 000 € offer. */
function example() {
  return {
    date: '2026-03-01',
    person: {
      birthDate: '1994-05-01',
      citizenship: 'IN',
      location: 'abroad',
      status: 'none',
      statusSince: null,
      qualification: {
        kind: 'academic',
        trainingYears: 3,
        stateRecognizedAbroad: true,
        recognitionInGermany: 'equivalent',
        completedOn: '2019-07-01',
        isco08: '2512',
        shortageOccupation: true,
      },
      experience: [{ from: '2019-08-01', to: '2026-02-28', isco08: '2512' }],
      languages: { german: 'A1', english: 'B2' },
      germanStayMonths: 0,
      adequatePensionProvision: false,
      spouseAppliesForChancenkarte: false,
      monthlyFundsEur: 1100,
    },
    job: {
      isco08: '2512',
      annualSalaryEur: 52000,
      qualified: true,
      matchesQualification: true,
      employerCollectiveAgreement: false,
      contractMonths: 24,
      weeklyHours: 40,
      regulatedPermit: 'not-required',
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies are edited freely in these tests
type Body = any;

function evaluate(body: Body, options: { lang?: string; acceptLanguage?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/pathways/evaluate${options.lang ? `?lang=${options.lang}` : ''}`,
    headers: options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {},
    payload: body,
  });
}

describe('POST /api/v1/pathways/evaluate', () => {
  it('answers the example of the issue: Blue Card, general variant, no BA approval, salary against 50 700 €', async () => {
    const res = await evaluate(example(), { lang: 'en' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.date, '2026-03-01');
    const blueCard = body.pathways.find((p: { id: string }) => p.id === 'aufenthg-18g');
    assert.equal(blueCard.outcome, 'eligible');
    assert.equal(blueCard.variant, 'general');
    assert.equal(blueCard.baApproval, false);
    assert.equal(blueCard.points, null);
    const salary = blueCard.criteria.find((c: { id: string }) => c.id === 'blue-card-salary');
    assert.equal(salary.status, 'met');
    assert.equal(salary.value, 52000);
    assert.equal(salary.threshold, 50700);
    assert.equal(salary.verified, true);
    assert.match(salary.citation, /§ 18g/);
    assert.ok(salary.message.length > 10);
    assert.ok(blueCard.nextSteps.length > 0);
    assert.equal(typeof body.procedures['aufenthg-81a'].available, 'boolean');
    assert.equal(typeof body.procedures['aufenthg-81a'].message, 'string');
    assert.ok(Object.keys(body.parameters).length > 10);
  });

  it('lists every pathway id exactly once, each with an outcome, criteria with citations and rendered messages', async () => {
    const body = (await evaluate(example())).json();
    const ids = body.pathways.map((p: { id: string }) => p.id);
    assert.deepEqual([...ids].sort(), [...PATHWAY_IDS].sort());
    for (const p of body.pathways) {
      assert.ok(['eligible', 'not-eligible', 'needs-review'].includes(p.outcome), p.id);
      assert.ok([true, false, null].includes(p.baApproval), p.id);
      assert.ok('variant' in p && 'points' in p, p.id);
      assert.ok(p.criteria.length > 0, p.id);
      for (const c of p.criteria) {
        assert.deepEqual(
          Object.keys(c).sort(),
          ['citation', 'id', 'message', 'status', 'threshold', 'value', 'verified'],
          `${p.id}/${c.id}`,
        );
        assert.ok(['met', 'unmet', 'unknown'].includes(c.status));
        assert.ok(c.citation.length > 0, `${p.id}/${c.id} has a citation`);
        assert.doesNotMatch(c.message, /^law\./, `${p.id}/${c.id} message is rendered`);
      }
      for (const step of p.nextSteps) assert.doesNotMatch(step, /^law\./);
    }
  });

  it('gives the Opportunity Card its points and breakdown', async () => {
    const body = (await evaluate(example())).json();
    const card = body.pathways.find((p: { id: string }) => p.id === 'aufenthg-20a');
    assert.equal(typeof card.points, 'number');
    assert.equal(card.pointsBreakdown.total, card.points);
    assert.ok(card.pointsBreakdown.items.every((i: { label: string }) => !i.label.startsWith('law.')));
  });

  it('speaks German by default, English for Accept-Language en, and ?lang wins over the header', async () => {
    const german = await evaluate(example());
    const english = await evaluate(example(), { acceptLanguage: 'en-GB,en;q=0.9' });
    const forced = await evaluate(example(), { lang: 'de', acceptLanguage: 'en' });
    assert.equal(german.headers['content-language'], 'de');
    assert.equal(english.headers['content-language'], 'en');
    assert.equal(forced.headers['content-language'], 'de');
    const title = (r: typeof german) =>
      r.json().pathways.find((p: { id: string }) => p.id === 'aufenthg-18g').title as string;
    assert.match(title(german), /Blaue Karte/);
    assert.match(title(english), /Blue Card/);
    assert.match(title(forced), /Blaue Karte/);
    assert.notEqual(
      german.json().pathways[0].criteria[0].message,
      english.json().pathways[0].criteria[0].message,
    );
  });

  it('makes criteria unknown when facts are missing: only date and birth date', async () => {
    const res = await evaluate({ date: '2026-03-01', person: { birthDate: '1994-05-01' } });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.pathways.length, PATHWAY_IDS.length);
    assert.ok(body.pathways.some((p: { outcome: string }) => p.outcome === 'needs-review'));
    assert.ok(body.pathways.every((p: { outcome: string }) => p.outcome !== 'eligible'));
  });

  it('answers 200 for a Blue Card holder whose German is unknown (a settlement message lacks its number)', async () => {
    const res = await evaluate({
      date: '2026-03-01',
      person: {
        birthDate: '1990-01-01',
        location: 'germany',
        status: 'aufenthg-18g',
        statusSince: '2024-01-01',
      },
    });
    assert.equal(res.statusCode, 200);
    const duration = res
      .json()
      .settlement.criteria.find((c: { id: string }) => c.id === 'settlement-title-duration');
    assert.equal(duration.status, 'unknown');
    assert.doesNotMatch(duration.message, /^law\./);
    assert.doesNotMatch(duration.message, /…/, 'the engine supplies every value its message names');
  });

  const invalid: Array<[string, (b: Body) => void, string]> = [
    ['an unknown enum value', (b) => (b.person.location = 'moon'), 'body.person.location'],
    ['an unknown language level', (b) => (b.person.languages.german = 'B3'), 'body.person.languages.german'],
    ['an unknown status', (b) => (b.person.status = 'tourist'), 'body.person.status'],
    ['an impossible date', (b) => (b.date = '2026-02-30'), 'body.date'],
    ['an impossible birth date', (b) => (b.person.birthDate = '1994-13-01'), 'body.person.birthDate'],
    ['a negative salary', (b) => (b.job.annualSalaryEur = -1), 'body.job.annualSalaryEur'],
    ['a salary that is not a number', (b) => (b.job.annualSalaryEur = '52000'), 'body.job.annualSalaryEur'],
    [
      'a job that ends before it starts',
      (b) => (b.person.experience[0].to = '2019-07-31'),
      'body.person.experience.0.to',
    ],
    ['a missing date', (b) => delete b.date, 'body.date'],
    ['a missing birth date', (b) => delete b.person.birthDate, 'body.person.birthDate'],
    [
      'a birth date after the evaluation date',
      (b) => (b.person.birthDate = '2027-01-01'),
      'body.person.birthDate',
    ],
    ['an unknown field', (b) => (b.job.salary = 1), 'body.job'],
    ['a malformed ISCO code', (b) => (b.job.isco08 = '25120'), 'body.job.isco08'],
  ];
  for (const [what, change, field] of invalid) {
    it(`refuses ${what} with 400 problem+json naming ${field}`, async () => {
      const body = example();
      change(body);
      const res = await evaluate(body);
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      const problem = res.json();
      assert.equal(problem.code, 'validation-failed');
      assert.ok(
        problem.errors.some((e: { field: string }) => e.field === field),
        `${field} in ${JSON.stringify(problem.errors)}`,
      );
    });
  }

  it('names every bad field of one request at once', async () => {
    const body = example() as Body;
    body.date = '2026-02-30';
    body.person.location = 'moon';
    body.job.annualSalaryEur = -5;
    body.person.experience[0].to = '2000-01-01';
    const fields = (await evaluate(body)).json().errors.map((e: { field: string }) => e.field);
    for (const f of ['body.date', 'body.person.location', 'body.job.annualSalaryEur'])
      assert.ok(fields.includes(f), f);
    assert.ok(fields.includes('body.person.experience.0.to'));
  });

  it('refuses an unknown ?lang with 400 naming query.lang', async () => {
    const res = await evaluate(example(), { lang: 'fr' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field, 'query.lang');
  });

  it('writes nothing to the database', async () => {
    const rows = async () => {
      const [row] = await t.database.db.select({ n: count() }).from(pathwayAnswers);
      return row?.n;
    };
    const before = await rows();
    await evaluate(example());
    await evaluate({ date: 'x', person: {} });
    assert.equal(await rows(), before);
  });
});

describe('GET /api/v1/pathways', () => {
  it('lists the catalogue with titles in the language and citations', async () => {
    const de = (await t.app.inject('/api/v1/pathways')).json();
    const en = (await t.app.inject('/api/v1/pathways?lang=en')).json();
    assert.deepEqual(
      de.pathways.map((p: { id: string }) => p.id),
      [...PATHWAY_IDS],
    );
    for (const p of en.pathways) {
      assert.ok(p.title.length > 0 && !p.title.startsWith('law.'));
      assert.match(p.citation, /§/);
      assert.ok('from' in p.inForce && 'to' in p.inForce);
    }
    assert.notEqual(de.pathways[0].title, en.pathways[0].title);
  });
});

describe('GET /api/v1/parameters', () => {
  it('answers the values in force on a date with their sources and verified flags', async () => {
    const res = await t.app.inject('/api/v1/parameters?date=2026-03-01');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.date, '2026-03-01');
    for (const p of body.parameters) {
      assert.ok(p.validFrom <= '2026-03-01' && (p.validTo === null || p.validTo >= '2026-03-01'), p.id);
      assert.ok(p.source.title.de && p.source.title.en && p.source.url, p.id);
      assert.equal(p.source.researchNote, undefined, `${p.id}: research notes are not public`);
      assert.equal(typeof p.verified, 'boolean');
    }
    const funds = body.parameters.find((p: { id: string }) => p.id === 'chancenkarte.funds.monthly');
    assert.equal(funds.verified, false);
  });

  it('switches values with the date (Blue Card threshold before and after 18.11.2023)', async () => {
    const ids = async (date: string) =>
      JSON.stringify((await t.app.inject(`/api/v1/parameters?date=${date}`)).json().parameters);
    assert.notEqual(await ids('2023-11-17'), await ids('2023-11-18'));
  });

  it('lists every period of every parameter without a date', async () => {
    const body = (await t.app.inject('/api/v1/parameters')).json();
    assert.equal(body.date, null);
    assert.ok(body.parameters.length > 20);
  });

  for (const bad of ['2026-02-30', '2026-3-1', 'today']) {
    it(`answers date=${bad} with 400 naming query.date`, async () => {
      const res = await t.app.inject(`/api/v1/parameters?date=${bad}`);
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().errors[0].field, 'query.date');
    });
  }
});
