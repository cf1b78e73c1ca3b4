import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CsvColumn, dateOfCell, readCsvTable, separatorOf } from './csv-table.ts';

const COLUMNS: CsvColumn[] = [
  { key: 'a', names: ['Alpha', 'a'], required: true },
  { key: 'b', names: ['Beta', 'b'], required: false },
];
const LIMITS = { maxBytes: 1000, maxRows: 3 };
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string) => readCsvTable(bytes(text), COLUMNS, LIMITS);

describe('reading an uploaded CSV file', () => {
  it('reads UTF-8 with and without byte order mark, with ; or , as separator, numbering rows as the file does', () => {
    for (const text of ['Alpha;Beta\nü;2\n', '\uFEFFalpha,beta\r\nü,2\r\n', 'ALPHA*;b\n\nü;2']) {
      const t = read(text);
      assert.ok(t.ok, text);
      assert.deepEqual(t.rows[0]?.cells, { a: 'ü', b: '2' });
    }
    const t = read('Alpha;Beta\n\n"x;y";1\n"multi\nline";2\nlast;3');
    assert.ok(t.ok);
    assert.deepEqual(
      t.rows.map((r) => [r.row, r.cells.a]),
      [
        [3, 'x;y'],
        [5, 'multi\nline'],
        [6, 'last'],
      ],
    );
    assert.deepEqual(t.columns, ['a', 'b']);
  });

  it('takes the separator that occurs more often in the header, outside quotes', () => {
    assert.equal(separatorOf('a;b;c\n1,2'), ';');
    assert.equal(separatorOf('"a;b",c,d'), ',');
    assert.equal(separatorOf('a'), ',');
  });

  it('names unknown, missing and repeated columns', () => {
    const t = read('Beta;Gamma;Beta\n1;2;3');
    assert.ok(!t.ok);
    assert.deepEqual(
      t.problems.map((p) => [p.row, p.column, p.rule, p.params?.name]),
      [
        [1, null, 'unknown-column', 'Gamma'],
        [1, 'b', 'duplicate-column', 'Beta'],
        [1, 'a', 'missing-column', undefined],
      ],
    );
  });

  it('refuses an empty file, a header alone, too many rows, too many bytes, another encoding and broken quotes', () => {
    const rule = (t: ReturnType<typeof read>) =>
      t.ok ? 'ok' : t.problems.map((p) => `${p.row}:${p.rule}`).join();
    assert.equal(rule(read('')), '0:empty');
    assert.equal(rule(read('\uFEFF \n')), '0:empty');
    assert.equal(rule(read('Alpha;Beta\n;\n')), '0:no-rows');
    assert.equal(rule(read('a\n1\n2\n3\n4')), '0:too-many-rows');
    assert.equal(rule(readCsvTable(bytes('a\n'.repeat(600)), COLUMNS, LIMITS)), '0:too-large');
    assert.equal(
      rule(readCsvTable(Uint8Array.from([0x61, 0x0a, 0xfc, 0x0a]), COLUMNS, LIMITS)),
      '0:encoding',
    );
    assert.equal(rule(read('a;b\n1;2\n"open;3\n')), '3:syntax');
  });

  it('names a row with more cells than the header has columns', () => {
    const t = read('a;b\n1;2\n1;2;3\n1;2;');
    assert.ok(!t.ok);
    assert.deepEqual(
      t.problems.map((p) => [p.row, p.rule, p.params?.cell]),
      [[3, 'extra-cells', 3]],
    );
  });

  it('reads dates as ISO or German, refusing impossible ones', () => {
    assert.equal(dateOfCell('2027-01-04'), '2027-01-04');
    assert.equal(dateOfCell('4.1.2027'), '2027-01-04');
    assert.equal(dateOfCell('29.02.2027'), null);
    assert.equal(dateOfCell('Januar'), null);
  });
});
