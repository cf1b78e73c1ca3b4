import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkNoDuplicate, normaliseDocumentNumber, personKey } from './identity-key.ts';

const SECRET = 'test-secret';

describe('memo test case 9: identity binding and de-duplication (pure parts)', () => {
  it('gives "x1234567" and "X 1234567" with the same nationality and birth date the same personKey', () => {
    assert.equal(
      personKey(SECRET, 'x1234567', 'IND', '1994-05-17'),
      personKey(SECRET, 'X 1234567', 'IND', '1994-05-17'),
    );
    assert.equal(normaliseDocumentNumber(' x-123.456/7 '), 'X1234567');
  });

  it('refuses the second live request of the same person for the same service type', () => {
    const key = personKey(SECRET, 'x1234567', 'IND', '1994-05-17');
    const known = [{ requestId: 'req-1', personKey: key, serviceTypeId: 'res-title', state: 'ready' }];
    const second = personKey(SECRET, 'X 1234567', 'IND', '1994-05-17');
    assert.deepEqual(checkNoDuplicate({ personKey: second, serviceTypeId: 'res-title' }, known), {
      ok: false,
      code: 'DUPLICATE_ACTIVE_REQUEST',
      existingRequestId: 'req-1',
    });
  });

  it('accepts a request for another service type, or after the earlier one is no longer live', () => {
    const key = personKey(SECRET, 'x1234567', 'IND', '1994-05-17');
    const known = [
      { requestId: 'req-1', personKey: key, serviceTypeId: 'res-title', state: 'attended' },
      { requestId: 'req-2', personKey: key, serviceTypeId: 'visa', state: 'booked' },
    ];
    assert.deepEqual(checkNoDuplicate({ personKey: key, serviceTypeId: 'res-title' }, known), { ok: true });
  });

  it('tells different people apart and depends on the secret', () => {
    const base = personKey(SECRET, 'X1234567', 'IND', '1994-05-17');
    assert.notEqual(personKey(SECRET, 'X1234568', 'IND', '1994-05-17'), base);
    assert.notEqual(personKey(SECRET, 'X1234567', 'VNM', '1994-05-17'), base);
    assert.notEqual(personKey(SECRET, 'X1234567', 'IND', '1994-05-18'), base);
    assert.notEqual(personKey('other-secret', 'X1234567', 'IND', '1994-05-17'), base);
    assert.match(base, /^[0-9a-f]{64}$/);
  });
});
