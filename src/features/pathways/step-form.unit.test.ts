import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseForm } from '../../web/forms.ts';
import { OFFER_FORM } from './calculators.ts';
import { STEPS, type StepDef } from './questionnaire.ts';
import { stepForm } from './step-form.ts';

const TODAY = '2026-03-01';
const step = (id: string) => STEPS.find((s) => s.id === id) as StepDef;
const problems = (s: StepDef, body: Record<string, unknown>) => {
  const result = parseForm(stepForm(s, TODAY), body);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.message]);
};

describe('questionnaire step forms', () => {
  it('normalises answers as people type them; empty means not given', () => {
    const result = parseForm(stepForm(step('person'), TODAY), { birthDate: ' 1.3.1990 ', citizenship: 'in' });
    assert.deepEqual(result, {
      ok: true,
      values: { birthDate: '1990-03-01', citizenship: 'IN', location: '' },
    });
    const job = parseForm(stepForm(step('job'), TODAY), {
      annualSalaryEur: '52.000,50',
      contractMonths: '12',
    });
    assert.ok(job.ok);
    assert.equal(job.values.annualSalaryEur, '52000.5');
    assert.equal(job.values.contractMonths, '12');
  });

  it('refuses a day the calendar does not have (2023-02-30), naming the field', () => {
    assert.deepEqual(problems(step('person'), { birthDate: '2023-02-30' }), [['birthDate', 'date']]);
    assert.deepEqual(problems(step('person'), { birthDate: '30.02.2023' }), [['birthDate', 'date']]);
  });

  it('gives one message key per field', () => {
    assert.deepEqual(
      problems(step('residence'), { status: 'x', statusSince: 'a'.repeat(41), germanStayMonths: '1300.5' }),
      [
        ['status', 'choice'],
        ['statusSince', 'too-long'],
        ['germanStayMonths', 'whole'],
      ],
    );
    assert.deepEqual(problems(step('residence'), { germanStayMonths: '1300' }), [
      ['germanStayMonths', 'max'],
    ]);
    assert.deepEqual(problems(step('person'), {}), [['birthDate', 'required']]);
    assert.deepEqual(
      problems(OFFER_FORM, { annualSalaryEur: 'much', candidate: 'academic', jobIsco: '12345' }),
      [
        ['jobIsco', 'isco'],
        ['annualSalaryEur', 'number'],
      ],
    );
  });

  it('checks across fields beside the fields’ own checks', () => {
    assert.deepEqual(problems(step('person'), { birthDate: '2026-03-02', location: 'x' }), [
      ['location', 'choice'],
      ['birthDate', 'future'],
    ]);
    assert.deepEqual(
      problems(step('experience'), {
        exp0To: '2020-01-01',
        exp1From: '2021-01-01',
        exp1To: '2020-01-01',
        exp2From: 'x',
        exp2To: '2020-01-01',
      }),
      [
        ['exp2From', 'date'],
        ['exp0From', 'job-from-required'],
        ['exp1To', 'to-before-from'],
      ],
    );
  });
});
