import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsvTable } from '../interop/csv-table.ts';
import {
  CALENDAR_COLUMNS,
  CALENDAR_LIMITS,
  type CalendarNow,
  calendarImportReport,
  weekdayOf,
} from './calendar-csv.ts';

const now: CalendarNow = {
  serviceNames: new Map([
    ['visumantrag', 'visa-application'],
    ['visa application', 'visa-application'],
    ['beratung', 'counselling'],
  ]),
  offered: ['visa-application'],
  weekly: new Map([['visa-application', [2, 2, 2, 2, 2]]]),
  days: new Map([['visa-application|2027-01-04', { slots: 0, reason: 'Feiertag' }]]),
  today: '2026-12-07',
};
const report = (text: string) =>
  calendarImportReport(readCsvTable(new TextEncoder().encode(text), CALENDAR_COLUMNS, CALENDAR_LIMITS), now);

describe('a capacity calendar as a CSV file', () => {
  it('says per row whether it adds, changes or leaves a day of the calendar', () => {
    const r = report(
      'Leistung;Tag;Termine;Grund\n' +
        'Visumantrag;Montag;4;\n' +
        ';Di;2;\n' +
        'visa application;04.01.2027;0;Feiertag\n' +
        'Visumantrag;2027-01-05;1;Betriebsversammlung\n' +
        'Visumantrag;2027-01-04;;\n',
    );
    assert.deepEqual(r.fileProblems, []);
    assert.deepEqual(
      r.rows.map((x) => [x.row, x.outcome]),
      [
        [2, 'changed'],
        [3, 'unchanged'],
        [4, 'unchanged'],
        [5, 'new'],
        [6, 'problem'],
      ],
    );
    const last = r.rows[4];
    assert.ok(last?.outcome === 'problem');
    assert.deepEqual(
      last.problems.map((p) => [p.column, p.rule, p.params?.first]),
      [['day', 'duplicate', 4]],
    );
  });

  it('names every problem of a row: service, day, number and reason', () => {
    const r = report(
      'service,day,slots,reason\n' +
        'Beratung,Samstag,3,\n' +
        'Reisepass,2026-12-07,61,\n' +
        'Visumantrag,31.02.2027,x,' +
        'y'.repeat(201) +
        '\nVisumantrag,Freitag,,\n',
    );
    const rules = r.rows.map((x) =>
      x.outcome === 'problem' ? x.problems.map((p) => `${p.column}:${p.rule}`) : [],
    );
    assert.deepEqual(rules, [
      ['service:not-offered', 'day:weekend'],
      ['service:choice', 'day:future', 'slots:range'],
      ['day:date', 'slots:number', 'reason:too-long'],
      ['slots:required'],
    ]);
  });

  it('refuses weekday rows for a service whose weekly plan is not set up, and gives a day back with an empty number', () => {
    const open = { ...now, weekly: new Map<string, number[]>() };
    const t = readCsvTable(
      new TextEncoder().encode('Leistung;Tag;Termine\n;Mo;3\n;04.01.2027;\n'),
      CALENDAR_COLUMNS,
      CALENDAR_LIMITS,
    );
    const r = calendarImportReport(t, open);
    assert.equal(r.rows[0]?.outcome, 'problem');
    assert.deepEqual(r.rows[1]?.outcome === 'changed' && r.rows[1].change, {
      kind: 'day',
      service: 'visa-application',
      day: '2027-01-04',
      slots: null,
      reason: '',
    });
  });

  it('knows weekdays in German and English', () => {
    assert.deepEqual(['Mo.', 'dienstag', 'WED', 'Thursday', 'fr', 'So', 'Feiertag'].map(weekdayOf), [
      0,
      1,
      2,
      3,
      4,
      6,
      null,
    ]);
  });
});
