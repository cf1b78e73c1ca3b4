import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseForm } from '../../web/forms.ts';
import { caseChangeForm, caseFormMessage, newCaseForm } from './case-form.ts';

const valid = { stateCode: 'SN', openedOn: '2024-02-29', topic: 'recognition', _csrf: 'x' };
const fieldsOf = (result: ReturnType<typeof parseForm>) =>
  result.ok ? [] : result.errors.map((e) => e.field);

describe('counselling case form: dates', () => {
  it('refuses a day the calendar does not have (2023-02-30), in openedOn and closedOn', () => {
    const opened = fieldsOf(parseForm(newCaseForm, { ...valid, openedOn: '2023-02-30' }));
    assert.deepEqual(opened, ['openedOn']);
    const closed = fieldsOf(parseForm(caseChangeForm, { ...valid, closedOn: '2024-04-31' }));
    assert.deepEqual(closed, ['closedOn']);
  });

  it('accepts 29 February of a leap year, and fills in the defaults', () => {
    const result = parseForm(newCaseForm, valid);
    assert.deepEqual(result, {
      ok: true,
      values: {
        stateCode: 'SN',
        openedOn: '2024-02-29',
        applicantPersonId: '',
        topic: 'recognition',
        referrals: [],
        outcome: 'open',
        closedOn: '',
      },
    });
  });

  it('refuses a closing day before the opening day, beside the other failing fields', () => {
    const result = parseForm(newCaseForm, { ...valid, topic: 'x', closedOn: '2024-01-01' });
    assert.deepEqual(fieldsOf(result), ['topic', 'closedOn']);
  });
});

describe('counselling case form: fields', () => {
  it('names each failing field once, with the message from the catalogue', () => {
    const body = { stateCode: 'XX', openedOn: '', applicantPersonId: 'nobody', referrals: ['nowhere'] };
    const result = parseForm(
      newCaseForm,
      body,
      caseFormMessage((k) => `<${k}>`),
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(
      result.errors.map((e) => [e.field, e.message]),
      [
        ['stateCode', '<counselling.error.state>'],
        ['openedOn', '<counselling.error.opened-on>'],
        ['applicantPersonId', '<counselling.error.applicant>'],
        ['topic', '<counselling.error.topic>'],
        ['referrals', '<counselling.error.referrals>'],
      ],
    );
  });

  it('takes one checkbox value or a list, trimmed text, and a person number in either case', () => {
    const id = '0A1B2C3D-0000-4000-8000-00000000000F';
    const one = parseForm(newCaseForm, { ...valid, referrals: 'chamber', applicantPersonId: ` ${id} ` });
    assert.ok(one.ok);
    assert.deepEqual(one.values.referrals, ['chamber']);
    assert.equal(one.values.applicantPersonId, id);
  });
});
