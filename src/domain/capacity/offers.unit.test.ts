import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OFFER_WINDOW_FAR_HOURS, OFFER_WINDOW_NEAR_HOURS, offerExpiresAt } from './offers.ts';

describe('offer acceptance windows (memo § 5.3 step 5)', () => {
  it('gives 48 hours for a slot more than 7 days away', () => {
    assert.equal(OFFER_WINDOW_FAR_HOURS, 48);
    assert.equal(offerExpiresAt('2026-12-20T09:00:00Z', '2026-12-07T10:00:00Z'), '2026-12-09T10:00:00.000Z');
  });

  it('gives 12 hours for a slot 7 days away or closer', () => {
    assert.equal(OFFER_WINDOW_NEAR_HOURS, 12);
    assert.equal(offerExpiresAt('2026-12-14T10:00:00Z', '2026-12-07T10:00:00Z'), '2026-12-07T22:00:00.000Z');
    assert.equal(offerExpiresAt('2026-12-14T10:00:01Z', '2026-12-07T10:00:00Z'), '2026-12-09T10:00:00.000Z');
  });

  it('reads offsets and answers in UTC, whatever the machine zone', () => {
    assert.equal(
      offerExpiresAt('2026-12-08T09:00:00+01:00', '2026-12-07T10:00:00+01:00'),
      '2026-12-07T21:00:00.000Z',
    );
  });
});
