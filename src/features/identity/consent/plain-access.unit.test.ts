import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  ACCESS_KINDS,
  ACCESS_OBJECTS,
  ACCESS_PURPOSES,
  accessKind,
  accessObject,
  accessPurpose,
} from './plain-access.ts';

describe('the access log in words', () => {
  it('names the kind of access of audited actions', () => {
    assert.equal(accessKind('read'), 'read');
    assert.equal(accessKind('journey.open-journey'), 'create');
    assert.equal(accessKind('request-documents'), 'change');
    assert.equal(accessKind('share'), 'share');
    assert.equal(accessKind('revoke-role'), 'remove');
    assert.equal(accessKind('sign-in-second-factor'), 'sign-in');
    assert.equal(accessKind('recognition-record.issue'), 'create');
  });

  it('names the purpose of the purposes the platform writes', () => {
    assert.equal(accessPurpose('journey command request-documents'), 'journey');
    assert.equal(accessPurpose('authentication'), 'sign-in');
    assert.equal(accessPurpose('share with organisation 5f0c'), 'documents');
    assert.equal(accessPurpose('Art. 17 GDPR: granted'), 'erasure');
    assert.equal(accessPurpose('recording a recognition decision'), 'recognition');
    assert.equal(accessPurpose('something new'), 'other');
    assert.equal(accessObject('journey'), 'journey');
    assert.equal(accessObject('made-up'), 'other');
  });

  it('has a sentence for every kind, object and purpose in both languages', () => {
    for (const locale of ['de', 'en']) {
      const messages = JSON.parse(
        readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), 'utf8'),
      );
      for (const k of ACCESS_KINDS)
        assert.ok(messages[`identity.access-log.kind.${k}`], `${locale} kind ${k}`);
      for (const o of ACCESS_OBJECTS)
        assert.ok(messages[`identity.access-log.object.${o}`], `${locale} object ${o}`);
      for (const p of ACCESS_PURPOSES)
        assert.ok(messages[`identity.access-log.purpose.${p}`], `${locale} purpose ${p}`);
    }
  });
});
