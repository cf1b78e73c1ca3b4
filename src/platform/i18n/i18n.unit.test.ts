import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogueFiles, createI18n, directionOf, LOCALES, loadCatalogue, negotiateLocale } from './index.ts';

describe('message catalogues', () => {
  it('are complete: every key exists in every language', () => {
    const [first, ...rest] = LOCALES.map((l) => ({ l, keys: new Set(Object.keys(loadCatalogue(l))) }));
    assert.ok(first);
    for (const other of rest) {
      const missing: string[] = [...first.keys].filter((k) => !other.keys.has(k));
      const extra: string[] = [...other.keys].filter((k) => !first.keys.has(k));
      assert.deepEqual(missing, [], `keys missing in ${other.l}`);
      assert.deepEqual(extra, [], `keys missing in ${first.l}`);
    }
  });

  it('pair up file by file (each feature ships both languages)', () => {
    const de = catalogueFiles('de').map((f) => f.replace(/de\.json$/, ''));
    const en = catalogueFiles('en').map((f) => f.replace(/en\.json$/, ''));
    assert.deepEqual(de, en);
  });

  it('hold valid ICU MessageFormat with the same placeholders in every language', () => {
    const de = loadCatalogue('de');
    const en = loadCatalogue('en');
    for (const [key, source] of Object.entries(de)) {
      const a = argumentsOf(new IntlMessageFormat(source, 'de').getAst());
      const b = argumentsOf(new IntlMessageFormat(en[key] ?? '', 'en').getAst());
      assert.deepEqual(a, b, `placeholders of ${key}`);
    }
  });

  it('formats plurals per language', () => {
    const i18n = createI18n();
    assert.equal(i18n.translator('de').t('regions.count', { count: 1 }), '1 Landkreis oder kreisfreie Stadt');
    assert.equal(i18n.translator('en').t('regions.count', { count: 13 }), '13 districts and cities');
  });
});

describe('language negotiation', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'de'],
    ['', 'de'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5, de;q=0.8', 'de'],
    ['fr, en;q=0.1', 'en'],
    ['ar', 'de'],
    ['*', 'de'],
    ['en;q=0', 'de'],
    [';;;,,q=,en;q=abc', 'de'],
    ['EN-gb', 'en'],
    ['x'.repeat(5000), 'de'],
  ];
  for (const [header, expected] of cases) {
    it(`answers ${expected} for Accept-Language ${JSON.stringify(header)?.slice(0, 40)}`, () => {
      assert.equal(negotiateLocale(header), expected);
    });
  }

  it('knows right-to-left scripts', () => {
    assert.equal(directionOf('ar'), 'rtl');
    assert.equal(directionOf('de'), 'ltr');
  });
});

interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** Names of the arguments a message uses, including those inside plural/select branches. */
function argumentsOf(ast: readonly AstNode[]): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly AstNode[]) => {
    for (const n of nodes) {
      if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') names.add(n.value);
      for (const option of Object.values(n.options ?? {})) walk(option.value);
      if (n.children) walk(n.children);
    }
  };
  walk(ast);
  return [...names].sort();
}
