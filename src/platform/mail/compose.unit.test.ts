import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createI18n, LOCALES } from '../i18n/index.ts';
import { composeMail } from './compose.ts';

const i18n = createI18n();

describe('mails from the catalogues', () => {
  it('say the same in every language of the catalogues, with the values of each language', () => {
    const mail = composeMail(
      'a@example.org',
      'identity.mail.password-reset',
      (t) => ({ link: `https://x.example/${t.locale}`, expires: t.date('2026-12-24') }),
      i18n,
    );
    assert.equal(mail.to, 'a@example.org');
    assert.equal(mail.subject, 'Passwort zurücksetzen / Reset your password');
    assert.match(
      mail.text,
      /https:\/\/x\.example\/de[\s\S]*24\. Dezember 2026[\s\S]*https:\/\/x\.example\/en[\s\S]*December 24, 2026/,
    );
    assert.equal(mail.text.split('— — —').length, LOCALES.length);
  });

  it('leave no placeholder unfilled and name no ISO moment', () => {
    for (const key of [
      'identity.mail.new-device',
      'identity.mail.invitation',
      'journeys.mail.family-added',
    ]) {
      const mail = composeMail(
        'a@example.org',
        key,
        { link: 'L', expires: 'E', who: 'W', browser: 'B', at: 'A', principal: 'P' },
        i18n,
      );
      assert.doesNotMatch(`${mail.subject}\n${mail.text}`, /\{[a-z]+\}|\d{4}-\d{2}-\d{2}T/);
    }
  });
});
