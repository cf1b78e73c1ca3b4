import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvCell, csvPaths, toCsv } from './csv.tsx';

describe('the CSV writer of the lists', () => {
  it('makes a cell that a spreadsheet would run as a formula plain text', () => {
    for (const v of ['=1+1', '+49 351', '-2', '@SUM(A1)', '\tx', '\rx'])
      assert.ok(csvCell(v).replace(/^"/, '').startsWith("'"), JSON.stringify(v));
    assert.equal(csvCell('Anna = Ben'), 'Anna = Ben', 'only a leading sign counts');
    assert.equal(csvCell(-2), '-2', 'a number stays a number');
  });

  it('quotes commas, semicolons, quotes and line breaks (RFC 4180), and leaves empty values empty', () => {
    assert.equal(csvCell('Müller, Anna'), '"Müller, Anna"');
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('sagt "ja"'), '"sagt ""ja"""');
    assert.equal(csvCell('zwei\nZeilen'), '"zwei\nZeilen"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell(Number.NaN), '');
  });

  it('writes a byte order mark, a heading and CRLF lines that a CSV reader reads back', () => {
    const text = toCsv(
      [
        { header: 'Name', value: (r: { n: string; k: number }) => r.n },
        { header: 'Anzahl', value: (r) => r.k },
      ],
      [
        { n: '=HYPERLINK("x")', k: 3 },
        { n: 'Jörg, "J."', k: 0 },
      ],
    );
    assert.ok(text.startsWith('\uFEFFName,Anzahl\r\n'));
    assert.ok(text.endsWith('\r\n'));
    assert.deepEqual(parse(text, { bom: true }), [
      ['Name', 'Anzahl'],
      [`'=HYPERLINK("x")`, '3'],
      ['Jörg, "J."', '0'],
    ]);
  });

  it('puts the download next to the page: the same path with .csv', () => {
    assert.deepEqual(csvPaths({ de: '/behoerde/arbeitsliste', en: '/authority/work-queue' }), {
      de: '/behoerde/arbeitsliste.csv',
      en: '/authority/work-queue.csv',
    });
  });
});
