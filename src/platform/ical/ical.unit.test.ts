import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarFile, escapeText, foldLine } from './index.ts';

describe('iCalendar files (RFC 5545)', () => {
  it('escapes text values and folds long lines at 75 octets without splitting a character', () => {
    assert.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne');
    const line = `SUMMARY:${'ä'.repeat(60)}`;
    const folded = foldLine(line).split('\r\n');
    assert.ok(folded.every((l) => Buffer.byteLength(l, 'utf8') <= 75));
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
  });

  it('writes a whole-day event with an exclusive end and a timed event in UTC, CRLF throughout', () => {
    const ics = calendarFile({
      product: 'Test',
      name: 'Fristen',
      stamp: new Date('2026-12-07T10:00:00Z'),
      events: [
        {
          uid: 'a@x',
          summary: 'Frist, Anerkennung',
          day: '2026-12-31',
          url: 'https://example.org/de/wege/1',
        },
        {
          uid: 'b@x',
          summary: 'Termin',
          start: new Date('2027-01-05T08:30:00Z'),
          minutes: 20,
          location: 'Halle',
        },
      ],
    });
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends with CRLF');
    assert.match(ics, /X-WR-CALNAME:Fristen\r\n/);
    assert.match(ics, /DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n/);
    assert.match(ics, /SUMMARY:Frist\\, Anerkennung\r\n/);
    assert.match(ics, /DTSTART:20270105T083000Z\r\nDTEND:20270105T085000Z\r\n/);
    assert.equal((ics.match(/BEGIN:VEVENT/g) ?? []).length, 2);
  });
});
