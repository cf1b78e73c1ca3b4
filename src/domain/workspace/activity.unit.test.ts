import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkActivity,
  type KnownValues,
  matchesFilter,
  parseEuroCents,
  type RegisterEntry,
} from './activity.ts';

const KNOWN: KnownValues = {
  isCountry: (c) => ['VN', 'IN', 'PH'].includes(c),
  isOccupation: (o) => ['81302', '43104'].includes(o),
};

const FORM = {
  kind: 'recruitment-project',
  title: 'Pflegekräfte aus Vietnam',
  countries: ['VN', 'PH'],
  occupations: '81302',
  start: '2026-03-01',
  end: '2026-12-31',
  budget: '250.000',
  fundingSource: 'Landeshaushalt, ESF Plus',
  contactName: 'Andrea Wolf',
  contactEmail: 'andrea.wolf@example.org',
  contactPhone: '+49 351 123456',
  status: 'running',
  outcomes: '',
  public: 'yes',
};

describe('the activity form', () => {
  it('accepts a complete activity: countries sorted, budget in cents, public ticked', () => {
    const r = checkActivity(FORM, KNOWN);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.value.countries, ['PH', 'VN']);
    assert.deepEqual(r.value.occupations, ['81302']);
    assert.equal(r.value.budgetCents, 25_000_000);
    assert.equal(r.value.isPublic, true);
  });

  it('leaves an activity internal when the public box is not ticked', () => {
    const { public: _, ...rest } = FORM;
    const r = checkActivity(rest, KNOWN);
    assert.ok(r.ok && r.value.isPublic === false);
  });

  it('names every refused field and its rule', () => {
    const r = checkActivity(
      {
        ...FORM,
        kind: 'party',
        title: 'x',
        countries: ['XX'],
        occupations: ['99999'],
        start: '2026-02-30',
        end: '',
        budget: 'viel',
        contactName: '',
        contactEmail: 'nobody',
        status: '',
      },
      KNOWN,
    );
    assert.ok(!r.ok);
    assert.deepEqual(r.errors, [
      { field: 'kind', rule: 'enum' },
      { field: 'title', rule: 'length' },
      { field: 'countries', rule: 'unknown' },
      { field: 'occupations', rule: 'unknown' },
      { field: 'start', rule: 'format' },
      { field: 'end', rule: 'required' },
      { field: 'budget', rule: 'format' },
      { field: 'contactName', rule: 'required' },
      { field: 'contactEmail', rule: 'format' },
      { field: 'status', rule: 'required' },
    ]);
  });

  it('refuses an end before the start and an activity without a target country', () => {
    const r = checkActivity({ ...FORM, end: '2026-01-01', countries: [] }, KNOWN);
    assert.ok(!r.ok);
    assert.deepEqual(r.errors, [
      { field: 'countries', rule: 'required' },
      { field: 'end', rule: 'after-start' },
    ]);
  });
});

describe('amounts typed in euros', () => {
  const cases: [string, number | null][] = [
    ['12500', 1_250_000],
    ['12.500', 1_250_000],
    ['12.500,50', 1_250_050],
    ['12,500.50', 1_250_050],
    ['12,5', 1250],
    ['1.5 €', 150],
    ['250 000 EUR', 25_000_000],
    ['1.000,000', null],
    ['1.000.00', null],
    ['-5', null],
    ['zehn', null],
    ['', null],
  ];
  for (const [typed, cents] of cases)
    it(`reads “${typed}” as ${cents === null ? 'nothing' : `${cents} cents`}`, () => {
      assert.equal(parseEuroCents(typed), cents);
    });

  it('reads back every amount written the German or the English way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const euros = Math.floor(cents / 100);
        const rest = String(cents % 100).padStart(2, '0');
        const de = `${euros.toLocaleString('de-DE')},${rest}`;
        const en = `${euros.toLocaleString('en-GB')}.${rest}`;
        assert.equal(parseEuroCents(de), cents);
        assert.equal(parseEuroCents(en), cents);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});

describe('the register filter', () => {
  const entry: RegisterEntry = {
    stateCode: 'SN',
    kind: 'recruitment-project',
    status: 'running',
    countries: ['VN'],
    occupationNames: ['Pflegefachfrau/-mann', 'Nurse'],
    title: 'Pflegekräfte aus Vietnam',
    start: '2026-03-01',
    end: '2026-12-31',
  };
  it('matches by every field that is set, occupation words without accents or case', () => {
    assert.ok(matchesFilter(entry, {}));
    assert.ok(matchesFilter(entry, { state: 'SN', country: 'VN', occupation: 'pflege', status: 'running' }));
    assert.ok(matchesFilter(entry, { occupation: 'NURSE' }));
    assert.ok(matchesFilter(entry, { occupation: 'pflegekrafte' }));
    assert.ok(!matchesFilter(entry, { state: 'TH' }));
    assert.ok(!matchesFilter(entry, { country: 'IN' }));
    assert.ok(!matchesFilter(entry, { occupation: 'informatik' }));
    assert.ok(!matchesFilter(entry, { kind: 'fair' }));
  });
  it('matches a period when the activity runs on some day of it', () => {
    assert.ok(matchesFilter(entry, { from: '2026-12-31' }));
    assert.ok(!matchesFilter(entry, { from: '2027-01-01' }));
    assert.ok(matchesFilter(entry, { to: '2026-03-01' }));
    assert.ok(!matchesFilter(entry, { to: '2026-02-28' }));
  });
});
