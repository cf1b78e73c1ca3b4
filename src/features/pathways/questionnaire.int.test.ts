import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { ANSWERS_COOKIE } from './answers.ts';
import { STEPS } from './questionnaire.ts';
import { pathwayAnswers } from './schema.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** A browser without JavaScript: keeps cookies, reads the CSRF token from each form it is shown. */
function browser() {
  const jar = new Map<string, string>();
  let token = '';
  const remember = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.maxAge === 0 || c.value === '') jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    const found = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (found) token = found;
    return res;
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return {
    jar,
    get: async (url: string) =>
      remember(await t.app.inject({ method: 'GET', url, headers: { cookie: cookie() } })),
    post: async (url: string, fields: Record<string, string>) =>
      remember(
        await t.app.inject({
          method: 'POST',
          url,
          headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
        }),
      ),
  };
}

const ANSWERS: Record<string, Record<string, string>> = {
  person: { birthDate: '01.05.1994', citizenship: 'IN', location: 'abroad' },
  residence: { status: 'none' },
  qualification: {
    qualificationKind: 'academic',
    trainingYears: '3',
    completedOn: '2019-07-01',
    qualificationIsco: 'software developer',
    stateRecognizedAbroad: 'yes',
    recognitionInGermany: 'equivalent',
  },
  experience: { hasExperience: 'yes', exp0From: '01.08.2019', exp0Isco: 'Softwareentwickler' },
  languages: { german: 'A1', english: 'B2' },
  job: {
    hasJobOffer: 'yes',
    jobIsco: 'Softwareentwickler',
    annualSalaryEur: '52.000',
    qualified: 'yes',
    matchesQualification: 'yes',
    employerCollectiveAgreement: 'no',
    contractMonths: '24',
    weeklyHours: '40',
    regulatedPermit: 'not-required',
  },
  more: { monthlyFundsEur: '1100', spouseAppliesForChancenkarte: 'no' },
};

async function walk(b: ReturnType<typeof browser>, locale: 'de' | 'en' = 'en') {
  for (const [i, step] of STEPS.entries()) {
    const page = await b.get(`/${locale}${step.paths[locale]}`);
    assert.equal(page.statusCode, 200, step.id);
    const res = await b.post(`/${locale}${step.paths[locale]}`, ANSWERS[step.id] ?? {});
    assert.equal(res.statusCode, 303, `${step.id}: ${res.body.slice(0, 200)}`);
    const next = STEPS[i + 1];
    assert.equal(
      res.headers.location,
      next
        ? `/${locale}${next.paths[locale]}`
        : locale === 'de'
          ? '/de/weg-finden/zusammenfassung'
          : '/en/find-your-way/summary',
    );
  }
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .replace(/&amp;/g, '&');

/** The text a reader sees: no scripts, no tags, no attribute values. */
const visible = (html: string) => text(html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' '));

describe('the questionnaire without JavaScript', () => {
  it('starts on /de/weg-finden and /en/find-your-way, listed in the main navigation', async () => {
    for (const url of ['/de/weg-finden', '/en/find-your-way']) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /aria-current="page"/);
    }
    const home = await t.app.inject('/en');
    assert.match(home.body, /href="\/en\/find-your-way"/);
    assert.match(home.body, /Answer a few questions/);
  });

  it('walks every step with POST and 303 to the next, then to the summary; the cookie is HttpOnly and SameSite=Lax', async () => {
    const b = browser();
    await walk(b);
    assert.ok(b.jar.has(ANSWERS_COOKIE));
    const summary = await b.get('/en/find-your-way/summary');
    assert.equal(summary.statusCode, 200);
    const body = text(summary.body);
    assert.match(body, /Date of birth 1 May 1994|Date of birth May 1, 1994/);
    assert.match(body, /Citizenship India/);
    assert.match(body, /Occupation of your qualification Software developer/);
    assert.doesNotMatch(body, /\b2512\b|\bIN\b|ISCO/);
    assert.match(body, /Gross annual salary in euros 52,000/);
  });

  it('sets the answers cookie HttpOnly, SameSite=Lax, for 24 hours, and stores only a hash of it', async () => {
    const b = browser();
    await b.get('/en/find-your-way/about-you');
    const res = await b.post('/en/find-your-way/about-you', ANSWERS.person as Record<string, string>);
    const header = String(res.headers['set-cookie']);
    assert.match(header, new RegExp(`${ANSWERS_COOKIE}=`));
    assert.match(header, /HttpOnly/);
    assert.match(header, /SameSite=Lax/);
    assert.match(header, /Max-Age=86400/);
    const token = b.jar.get(ANSWERS_COOKIE) as string;
    const rows = await t.database.db.select().from(pathwayAnswers);
    assert.ok(rows.every((r) => r.tokenHash !== token && /^[0-9a-f]{64}$/.test(r.tokenHash)));
    const expires = rows.map((r) => r.expiresAt.getTime() - r.updatedAt.getTime());
    assert.ok(expires.every((ms) => ms === 24 * 60 * 60 * 1000));
  });

  it('keeps answers server-side: going back shows them again in the form', async () => {
    const b = browser();
    await walk(b);
    const page = await b.get('/en/find-your-way/about-you');
    assert.match(page.body, /name="birthDate"[^>]*value="1994-05-01"/);
    assert.match(page.body, /value="abroad" checked/);
    const back = await b.get('/en/find-your-way/residence');
    assert.match(back.body, /href="\/en\/find-your-way\/about-you"/);
  });

  it('changes an answer from the summary and returns to the summary', async () => {
    const b = browser();
    await walk(b);
    const summary = await b.get('/en/find-your-way/summary');
    assert.match(summary.body, /href="\/en\/find-your-way\/job-offer\?return=summary#field-annualSalaryEur"/);
    const form = await b.get('/en/find-your-way/job-offer?return=summary');
    assert.match(form.body, /name="return" value="summary"/);
    const res = await b.post('/en/find-your-way/job-offer', {
      ...(ANSWERS.job as Record<string, string>),
      annualSalaryEur: '40000',
      return: 'summary',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/find-your-way/summary');
    assert.match(
      text((await b.get('/en/find-your-way/summary')).body),
      /Gross annual salary in euros 40,000/,
    );
    const result = text((await b.get('/en/find-your-way/result')).body);
    assert.match(
      result,
      /EU Blue Card \(Section 18g\(1\) Residence Act\): The annual salary of 40,000 € is below the threshold/,
    );
  });

  it('marks the job answers as not taken into account when there is no job offer', async () => {
    const b = browser();
    await walk(b);
    await b.get('/en/find-your-way/job-offer');
    await b.post('/en/find-your-way/job-offer', {
      ...(ANSWERS.job as Record<string, string>),
      hasJobOffer: 'no',
    });
    const body = text((await b.get('/en/find-your-way/summary')).body);
    assert.match(body, /Gross annual salary in euros not taken into account \(no job offer\)/);
    const result = text((await b.get('/en/find-your-way/result')).body);
    assert.match(result, /Concrete job offer still open/);
  });

  it('shows the result: open ways first, criteria met and failed, the numbers, citations, next steps', async () => {
    const b = browser();
    await walk(b);
    const res = await b.get('/en/find-your-way/result');
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    const open = body.indexOf('Open ways');
    const review = body.indexOf('Still to be clarified (');
    const closed = body.indexOf('Not open at the moment');
    assert.ok(open > 0 && open < review && review < closed, 'groups in order');
    assert.ok(body.indexOf('EU Blue Card (Section 18g(1)') < review, 'Blue Card is among the open ways');
    assert.match(body, /EU Blue Card minimum salary met .* 52,000 \/ 50,700 § 18g Abs\. 1 S\. 1 AufenthG/);
    assert.match(body, /not met/);
    assert.match(body, /What to do next Apply for the visa at the German mission/);
    assert.match(res.body, /href="\/en\/recognition\?isco=2512"/);
    assert.match(body, /Opportunity Card/);
    assert.doesNotMatch(body, /Entry unconfirmed/, 'no answer is marked as doubtful');
    assert.match(
      body,
      /A note on the law, not on your answers: .*The amount for “Money to live on” \(€1,091\) is not yet officially confirmed\./,
      'what is unconfirmed is said once, in words',
    );
    assert.match(body, /This year's figures/);
    assert.match(body, /EU Blue Card: minimum salary \(general\) €50,700\.00 \/ year/);
    assert.match(
      body,
      /Opportunity Card: money to live on per month €1,091\.00 \/ month \(value not yet officially confirmed\)/,
    );
    assert.match(res.body, /href="https:\/\/[^"]+"/, 'sources link to their publication');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  it('keeps the result short: details and closed ways behind closed disclosures, the fact still open named', async () => {
    const b = browser();
    await walk(b);
    const html = (await b.get('/en/find-your-way/result')).body;
    assert.doesNotMatch(html, /<details[^>]* open/, 'every disclosure is closed');
    const closed = html.slice(html.indexOf('id="group-not-eligible"'));
    assert.match(
      closed,
      /<details[^>]*id="closed-ways"[^>]*>\s*<summary[^>]*>.*Why these \d+ ways are not open/,
    );
    assert.doesNotMatch(
      closed.slice(0, closed.indexOf('id="more-notes"')),
      /<table/,
      'closed ways have no tables',
    );
    assert.match(text(html), /Still open: [^.]+\./);
  });

  it('shows the result in German with German titles', async () => {
    const b = browser();
    await walk(b, 'de');
    const body = text((await b.get('/de/weg-finden/ergebnis')).body);
    assert.match(body, /Offene Wege/);
    assert.match(body, /Blaue Karte EU/);
    assert.match(body, /Wo beantrage ich die Anerkennung\?/);
  });

  it('answers a wrong answer with 422, an error summary linking to the field, and keeps the input', async () => {
    const b = browser();
    await b.get('/en/find-your-way/about-you');
    const res = await b.post('/en/find-your-way/about-you', {
      birthDate: '2026-02-30',
      citizenship: 'India',
      location: 'moon',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="error-summary"/);
    for (const f of ['birthDate', 'citizenship', 'location'])
      assert.match(res.body, new RegExp(`href="#field-${f}"`));
    assert.match(res.body, /value="2026-02-30"/);
    assert.equal(b.jar.has(ANSWERS_COOKIE), false, 'nothing saved');
  });

  it('refuses a job that ends before it starts and a missing start, naming the field', async () => {
    const b = browser();
    await b.get('/en/find-your-way/work-experience');
    const res = await b.post('/en/find-your-way/work-experience', {
      exp0From: '2020-01-01',
      exp0To: '2019-01-01',
      exp1To: '2021-01-01',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#field-exp0To">The end of the job must not be before its start/);
    assert.match(res.body, /href="#field-exp1From">Enter when you started this job/);
  });

  it('refuses a form without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/en/find-your-way/about-you',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'birthDate=1994-05-01',
    });
    assert.equal(res.statusCode, 403);
  });

  it('sends visitors without answers from the summary and the result to the start', async () => {
    for (const [url, to] of [
      ['/en/find-your-way/summary', '/en/find-your-way'],
      ['/de/weg-finden/ergebnis', '/de/weg-finden'],
    ] as const) {
      const res = await t.app.inject(url);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, to);
    }
  });

  it('deletes the answers on request and forgets the cookie', async () => {
    const b = browser();
    await walk(b);
    const token = b.jar.get(ANSWERS_COOKIE) as string;
    await b.get('/en/find-your-way/summary');
    const res = await b.post('/en/find-your-way/delete-answers', {});
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/en/find-your-way?deleted=1');
    assert.equal(b.jar.has(ANSWERS_COOKIE), false);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    const [row] = await t.database.db
      .select({ n: count() })
      .from(pathwayAnswers)
      .where(eq(pathwayAnswers.tokenHash, hash));
    assert.equal(row?.n, 0);
    assert.match((await b.get('/en/find-your-way?deleted=1')).body, /Your answers have been deleted/);
  });

  it('ignores answers older than 24 hours', async () => {
    const b = browser();
    await walk(b);
    await t.database.db.update(pathwayAnswers).set({ expiresAt: new Date(Date.now() - 1000) });
    const res = await b.get('/en/find-your-way/summary');
    assert.equal(res.statusCode, 303);
  });

  it('asks for citizenship by country name and for occupations by job name, showing no code', async () => {
    const person = await t.app.inject('/de/weg-finden/zur-person');
    assert.match(person.body, /<option value="IN">Indien<\/option>/);
    assert.match(person.body, /<option value="XK">Kosovo<\/option>/);
    for (const url of [
      '/de/weg-finden/zur-person',
      '/de/weg-finden/qualifikation',
      '/en/find-your-way/job-offer',
    ]) {
      const body = visible((await t.app.inject(url)).body);
      assert.doesNotMatch(body, /ISCO|Ländercode|country code|\b[0-9]{4}\b(?! )/, url);
    }
  });

  it('takes "Krankenpfleger" and a country chosen by its name, and shows both by name in the summary', async () => {
    const b = browser();
    const page = await b.get('/de/weg-finden/zur-person');
    const kosovo = /<option value="([A-Z]{2})">Kosovo<\/option>/.exec(page.body)?.[1] as string;
    const person = await b.post('/de/weg-finden/zur-person', {
      birthDate: '01.05.1994',
      citizenship: kosovo,
    });
    assert.equal(person.statusCode, 303, person.body.slice(0, 300));
    await b.get('/de/weg-finden/qualifikation');
    const res = await b.post('/de/weg-finden/qualifikation', { qualificationIsco: 'Krankenpfleger' });
    assert.equal(res.statusCode, 303, visible(res.body).slice(0, 1500));
    const summary = visible((await b.get('/de/weg-finden/zusammenfassung')).body);
    assert.match(summary, /Staatsangehörigkeit Kosovo/);
    assert.match(summary, /Beruf Ihres Abschlusses Pflegefachfrau\/-mann/);
    assert.doesNotMatch(summary, /\bXK\b|\b3221\b|ISCO/);
    const again = await b.get('/de/weg-finden/qualifikation');
    assert.match(again.body, /name="qualificationIsco"[^>]*value="Pflegefachfrau\/-mann/);
  });

  it('takes "nurse" on the English pages', async () => {
    const b = browser();
    await b.get('/en/find-your-way/qualification');
    const res = await b.post('/en/find-your-way/qualification', { qualificationIsco: 'nurse' });
    assert.equal(res.statusCode, 303);
    const summary = visible((await b.get('/en/find-your-way/summary')).body);
    assert.match(summary, /Occupation of your qualification Nurse \(general\)/);
  });

  it('offers the matches as a choice when a name fits several occupations, and takes the choice', async () => {
    const b = browser();
    await b.get('/de/weg-finden/qualifikation');
    const res = await b.post('/de/weg-finden/qualifikation', { qualificationIsco: 'Lehrer' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#field-qualificationIscoChoice"/);
    assert.match(visible(res.body), /Welchen Beruf meinen Sie mit „Lehrer“\?/);
    const choice =
      /name="qualificationIscoChoice" value="([0-9]+)"[^>]*\/><label[^>]*>Lehrer\/in \(Sekundarstufe\)/.exec(
        res.body,
      )?.[1] as string;
    assert.ok(choice, 'the secondary-school teacher is offered');
    const chosen = await b.post('/de/weg-finden/qualifikation', {
      qualificationIsco: 'Lehrer',
      qualificationIscoChoice: choice,
    });
    assert.equal(chosen.statusCode, 303);
    const summary = visible((await b.get('/de/weg-finden/zusammenfassung')).body);
    assert.match(summary, /Beruf Ihres Abschlusses Lehrer\/in \(Sekundarstufe\)/);
  });

  it('refuses an occupation it cannot find with 422, naming the field', async () => {
    const b = browser();
    await b.get('/en/find-your-way/qualification');
    const res = await b.post('/en/find-your-way/qualification', { qualificationIsco: 'Xylophonbauer' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#field-qualificationIsco"/);
    assert.match(
      visible(res.body),
      /We know no occupation by the name you entered for “Occupation of your qualification”/,
    );
    assert.match(res.body, /value="Xylophonbauer"/);
  });

  it('keeps no name or contact data: the stored answers hold only the questionnaire fields', async () => {
    const b = browser();
    await walk(b);
    await b.get('/en/find-your-way/about-you');
    await b.post('/en/find-your-way/about-you', {
      ...(ANSWERS.person as Record<string, string>),
      name: 'Jane Doe',
      email: 'j@example.org',
    });
    const rows = await t.database.db.select().from(pathwayAnswers);
    const known = new Set(
      STEPS.flatMap((s) =>
        s.fields.flatMap((f) => (f.kind === 'isco' ? [f.name, `${f.name}Kldb`] : [f.name])),
      ),
    );
    for (const r of rows) for (const key of Object.keys(r.answers)) assert.ok(known.has(key), key);
    assert.doesNotMatch(JSON.stringify(rows), /Jane|example\.org/);
  });
});

describe('the Chancenkarte points calculator', () => {
  it('shows the form, then the breakdown with the total', async () => {
    const empty = await t.app.inject('/en/opportunity-card-points');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /name="birthDate"/);
    const res = await t.app.inject(
      '/en/opportunity-card-points?birthDate=1994-05-01&recognitionInGermany=partial&german=B1&english=C1&experienceYears=5&shortageOccupation=yes&germanStayMonths=0&spouseAppliesForChancenkarte=no',
    );
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    // partial recognition 4 + German B1 2 + English C1 1 + 5 of 7 years 3 + shortage 1 + age under 35 2 = 13
    assert.match(body, /Your points: 13/);
    assert.match(body, /Partial recognition \(deficit notice\) .*4/);
    assert.doesNotMatch(body, /Entry unconfirmed/);
    assert.match(body, /How the law reads “Qualification in a shortage occupation”, “Age under 35”/);
  });

  it('names a bad birth date with 400', async () => {
    const res = await t.app.inject('/de/chancenkarte-punkte?birthDate=1994-02-30');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#field-birthDate"/);
  });
});

describe('the employer offer check', () => {
  it('shows which ways an offer opens for a typical candidate', async () => {
    const res = await t.app.inject(
      '/en/check-a-job-offer?jobIsco=software%20developer&annualSalaryEur=52000&qualified=yes&matchesQualification=yes&employerCollectiveAgreement=no&contractMonths=24&weeklyHours=40&regulatedPermit=not-required&candidate=academic&candidateAge=30&location=abroad',
    );
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.match(body, /EU Blue Card \(Section 18g\(1\)/);
    assert.match(body, /\d+ ways? open/);
  });

  it('asks for the occupation of the job by name and refuses one it cannot find with 400 naming the field', async () => {
    const form = visible((await t.app.inject('/de/stellenangebot-pruefen')).body);
    assert.doesNotMatch(form, /ISCO/);
    const res = await t.app.inject(
      '/de/stellenangebot-pruefen?jobIsco=Xylophonbauer&annualSalaryEur=52000&candidate=academic',
    );
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#field-jobIsco"/);
  });

  it('refuses a negative salary with 400 naming the field', async () => {
    const res = await t.app.inject('/de/stellenangebot-pruefen?annualSalaryEur=-5&candidate=academic');
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /href="#field-annualSalaryEur"/);
  });
});
