import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkDates,
  checkSignOff,
  checkText,
  type Decision,
  diffTexts,
  diffWords,
  draftStatus,
  paragraphsOf,
  remindersDue,
  type SignOffRecord,
  standingsOf,
} from './drafts.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 9, minute));
const so = (stateCode: string, versionId: string, decision: Decision, minute = 0): SignOffRecord => ({
  stateCode,
  versionId,
  decision,
  at: at(minute),
});

describe('joint drafts: paragraphs', () => {
  it('splits at blank lines (also with spaces and Windows line ends) and drops empty paragraphs', () => {
    assert.deepEqual(paragraphsOf('Eins\nnoch eins\n\nZwei\r\n \r\n\r\nDrei\n\n\n'), [
      'Eins\nnoch eins',
      'Zwei',
      'Drei',
    ]);
    assert.deepEqual(paragraphsOf('  \n\n '), []);
  });
  it('stores a text with one blank line between paragraphs and refuses an empty or too long one', () => {
    assert.deepEqual(checkText(' A \n\n\n\nB'), { ok: true, text: 'A\n\nB' });
    assert.deepEqual(checkText('\n \n'), { ok: false, field: 'text', rule: 'required' });
    assert.deepEqual(checkText('x'.repeat(50_001)), { ok: false, field: 'text', rule: 'max' });
  });
});

describe('joint drafts: dates', () => {
  it('wants the deadline on or before the conference and not in the past', () => {
    const today = '2026-12-07';
    assert.deepEqual(checkDates({ targetDate: '2027-01-20', deadline: '2027-01-10' }, today), { ok: true });
    assert.deepEqual(checkDates({ targetDate: '2027-01-20', deadline: '2027-01-20' }, today), { ok: true });
    assert.equal(checkDates({ targetDate: '2027-01-20', deadline: '2027-01-21' }, today).ok, false);
    assert.deepEqual(checkDates({ targetDate: '2027-01-20', deadline: '2026-12-06' }, today), {
      ok: false,
      field: 'deadline',
      rule: 'not-past',
    });
    assert.deepEqual(checkDates({ targetDate: '2027-02-30', deadline: '2027-01-10' }, today), {
      ok: false,
      field: 'targetDate',
      rule: 'date',
    });
  });
});

describe('joint drafts: the sign-off state machine', () => {
  it('requires remarks to agree with remarks and to decline, and drops them when agreeing', () => {
    assert.deepEqual(checkSignOff('agree', ' egal '), { ok: true, decision: 'agree', remarks: null });
    assert.deepEqual(checkSignOff('agree-with-remarks', '  '), {
      ok: false,
      field: 'remarks',
      rule: 'required',
    });
    assert.deepEqual(checkSignOff('decline', ''), { ok: false, field: 'remarks', rule: 'required' });
    assert.deepEqual(checkSignOff('decline', ' Zu teuer. '), {
      ok: true,
      decision: 'decline',
      remarks: 'Zu teuer.',
    });
    assert.deepEqual(checkSignOff('maybe', 'x'), { ok: false, field: 'decision', rule: 'enum' });
  });

  it('counts only sign-offs on the current version, the latest per state', () => {
    const signOffs = [so('SN', 'v1', 'agree'), so('TH', 'v2', 'decline', 1), so('TH', 'v2', 'agree', 2)];
    const standings = standingsOf(['SN', 'TH'], 'v2', signOffs);
    assert.equal(standings.get('SN'), null, 'the agreement to version 1 does not count for version 2');
    assert.equal(standings.get('TH')?.decision, 'agree');
    assert.equal(draftStatus(standings), 'in-sign-off');
  });

  it('is final when every state agreed, with or without remarks, and declined when one declined', () => {
    const v = 'v3';
    assert.equal(
      draftStatus(standingsOf(['SN', 'TH'], v, [so('SN', v, 'agree'), so('TH', v, 'agree-with-remarks')])),
      'final',
    );
    assert.equal(
      draftStatus(standingsOf(['SN', 'TH'], v, [so('SN', v, 'agree'), so('TH', v, 'decline')])),
      'declined',
    );
    assert.equal(draftStatus(standingsOf(['SN', 'TH'], v, [])), 'in-sign-off');
    // A new version resets: the same sign-offs on the old version leave the new one open.
    assert.equal(
      draftStatus(standingsOf(['SN', 'TH'], 'v4', [so('SN', v, 'agree'), so('TH', v, 'agree')])),
      'in-sign-off',
    );
  });

  it('reminds the states without a sign-off within the days before the deadline, not after, not when final', () => {
    const standings = standingsOf(['BB', 'SN', 'TH'], 'v1', [so('SN', 'v1', 'agree')]);
    assert.deepEqual(remindersDue(standings, '2026-12-14', '2026-12-07', 7), ['BB', 'TH']);
    assert.deepEqual(remindersDue(standings, '2026-12-14', '2026-12-14', 7), ['BB', 'TH']);
    assert.deepEqual(remindersDue(standings, '2026-12-14', '2026-12-06', 7), []);
    assert.deepEqual(remindersDue(standings, '2026-12-14', '2026-12-15', 7), []);
    const final = standingsOf(['SN', 'TH'], 'v1', [so('SN', 'v1', 'agree'), so('TH', 'v1', 'agree')]);
    assert.deepEqual(remindersDue(final, '2026-12-14', '2026-12-10', 7), []);
  });
});

describe('joint drafts: the diff model', () => {
  it('keeps, removes, adds and changes paragraphs, changed ones word by word', () => {
    const before = 'Präambel.\n\nDie Länder fordern den Bund auf.\n\nAlt und weg.';
    const after = 'Präambel.\n\nDie Länder bitten den Bund.\n\nNeu.\n\nNoch neuer.';
    const diff = diffTexts(before, after);
    assert.deepEqual(
      diff.map((p) => p.kind),
      ['same', 'changed', 'changed', 'inserted'],
    );
    const changed = diff[1]?.parts ?? [];
    assert.equal(
      changed
        .filter((p) => p.kind !== 'inserted')
        .map((p) => p.text)
        .join(''),
      'Die Länder fordern den Bund auf.',
    );
    assert.equal(
      changed
        .filter((p) => p.kind !== 'deleted')
        .map((p) => p.text)
        .join(''),
      'Die Länder bitten den Bund.',
    );
    assert.ok(changed.some((p) => p.kind === 'deleted' && p.text.includes('fordern')));
    assert.ok(changed.some((p) => p.kind === 'inserted' && p.text.includes('bitten')));
  });
  it('shows nothing changed for equal texts and a removed paragraph as removed', () => {
    assert.ok(diffTexts('A\n\nB', 'A\n\n\nB').every((p) => p.kind === 'same'));
    assert.deepEqual(diffTexts('A\n\nB\n\nC', 'A\n\nC'), [
      { kind: 'same', parts: [{ kind: 'same', text: 'A' }] },
      { kind: 'deleted', parts: [{ kind: 'deleted', text: 'B' }] },
      { kind: 'same', parts: [{ kind: 'same', text: 'C' }] },
    ]);
    assert.deepEqual(diffWords('a b', 'a b'), [{ kind: 'same', text: 'a b' }]);
  });
});
