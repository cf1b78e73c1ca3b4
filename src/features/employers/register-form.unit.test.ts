import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { employerForm, normalRegisterNumber, registerKey } from './register-form.ts';

describe('the employer registration form', () => {
  it('knows register numbers in any spelling and gives their normal form', () => {
    assert.equal(normalRegisterNumber('HRB 12345'), 'HRB 12345');
    assert.equal(normalRegisterNumber(' hrb12345 '), 'HRB 12345');
    assert.equal(normalRegisterNumber('HRB 1234 B'), 'HRB 1234 B');
    assert.equal(normalRegisterNumber('gnr 77'), 'GnR 77');
    assert.equal(normalRegisterNumber('VR 678'), 'VR 678');
    for (const bad of ['', '12345', 'HRB', 'HRC 12', 'HRB 1234567', 'HRB 12-3'])
      assert.equal(normalRegisterNumber(bad), undefined, bad);
  });

  it('makes one key of court and number, whatever the spelling of the court', () => {
    assert.equal(registerKey(' Amtsgericht  Dresden', 'HRB 1'), registerKey('dresden', 'HRB 1'));
    assert.notEqual(registerKey('Leipzig', 'HRB 1'), registerKey('Dresden', 'HRB 1'));
  });

  it('asks for a register number or a public kind, never both missing', () => {
    const form = employerForm(['14626']);
    const base = {
      name: 'Firma',
      street: 'Weg 1',
      postcode: '02826',
      town: 'Görlitz',
      district: '14626',
      size: '1-9',
    };
    const r = form.safeParse({ ...base, legal: 'register', registerCourt: 'Dresden', registerNumber: 'x' });
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error?.issues.map((i) => i.path.join('.')),
      ['registerNumber'],
    );
    const p = form.safeParse({ ...base, legal: 'public', publicKind: 'university' });
    assert.equal(p.success, true);
    assert.equal(p.data?.register, null);
    assert.equal(p.data?.publicKind, 'university');
    const outside = form.safeParse({ ...base, district: '09162', legal: 'public', publicKind: 'university' });
    assert.deepEqual(
      outside.error?.issues.map((i) => i.path.join('.')),
      ['district'],
    );
  });
});
