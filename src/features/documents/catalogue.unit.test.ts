import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { STEP_KINDS } from '../../domain/journey/types.ts';
import { checklistFor, checklistStatus, DOCUMENT_CATEGORIES, STEP_CHECKLISTS } from './checklists.ts';
import { attachmentHeader, displayFileName, sniffMediaType } from './files.ts';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(new URL(`./messages/${locale}.json`, import.meta.url), 'utf8')) as Record<
    string,
    string
  >;

describe('documents catalogue', () => {
  it('has the same keys in German and English, all prefixed documents., with a label per category', () => {
    const de = catalogue('de');
    const en = catalogue('en');
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
    for (const key of Object.keys(de)) assert.ok(key.startsWith('documents.'), key);
    for (const c of DOCUMENT_CATEGORIES) assert.ok(de[`documents.category.${c}`], c);
    assert.equal(de['documents.category.employment-declaration'], 'Erklärung zum Beschäftigungsverhältnis');
  });

  it('has a checklist for every step kind, naming only known categories', () => {
    for (const kind of STEP_KINDS) {
      assert.ok(STEP_CHECKLISTS[kind], kind);
      for (const item of STEP_CHECKLISTS[kind]) assert.ok(DOCUMENT_CATEGORIES.includes(item.category));
    }
  });

  it('filters by pathway and reports what is met', () => {
    const blue = checklistFor('visa-decision', 'aufenthg-18b').map((i) => i.category);
    assert.ok(blue.includes('recognition-notice') && blue.includes('employment-contract'));
    assert.ok(!blue.includes('blocked-account'));
    const student = checklistFor('visa-decision', 'aufenthg-16b').map((i) => i.category);
    assert.ok(student.includes('blocked-account') && !student.includes('employment-contract'));
    const accelerated = checklistFor('accelerated-procedure', 'aufenthg-18a');
    assert.equal(accelerated.find((i) => i.category === 'employment-declaration')?.providedBy, 'employer');
    const status = checklistStatus(checklistFor('visa-appointment'), [{ category: 'passport' }]);
    assert.deepEqual(
      status.map((s) => [s.item.category, s.met]),
      [
        ['passport', true],
        ['photo', false],
      ],
    );
  });
});

describe('file checks', () => {
  it('recognises PDF, JPEG and PNG by content only', async () => {
    assert.equal(await sniffMediaType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')), 'application/pdf');
    assert.equal(
      await sniffMediaType(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      ),
      'image/png',
    );
    assert.equal(
      await sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0])),
      'image/jpeg',
    );
    assert.equal(await sniffMediaType(Buffer.from('<html>%PDF-')), undefined);
    assert.equal(await sniffMediaType(Buffer.from('GIF89a')), undefined);
    assert.equal(await sniffMediaType(Buffer.from('PK\u0003\u0004')), undefined);
    assert.equal(await sniffMediaType(Buffer.alloc(0)), undefined);
  });

  it('makes display names safe and keeps the header free of line breaks', () => {
    assert.equal(displayFileName('../../a.pdf', 'application/pdf'), 'a.pdf');
    assert.equal(displayFileName('C:\\Users\\x\\Zeugnis.JPG', 'image/jpeg'), 'Zeugnis.jpg');
    assert.equal(displayFileName('bild.pdf', 'image/png'), 'bild.pdf.png');
    assert.equal(displayFileName('evil\r\nX-Header: 1.pdf', 'application/pdf'), 'evilX-Header_ 1.pdf');
    assert.equal(displayFileName(undefined, 'application/pdf'), 'document.pdf');
    assert.equal(displayFileName('\u202egnp.exe', 'image/png'), 'gnp.exe.png');
    const h = attachmentHeader('Zeugnis "ä";\r\n.pdf');
    assert.ok(!/[\r\n]/.test(h));
    assert.match(h, /^attachment; filename="Zeugnis ______.pdf"; filename\*=UTF-8''/);
  });
});

describe('checklist view', () => {
  it('renders each item with its status and links to the matching documents', async () => {
    const { render } = await import('preact-render-to-string');
    const { createI18n } = await import('../../platform/i18n/index.ts');
    const { DocumentChecklist } = await import('./views.tsx');
    const ctx = {
      t: createI18n().translator('de'),
      locale: 'de' as const,
      alternates: { de: '/de', en: '/en' },
      currentPath: '/de',
      nav: [],
      roles: [],
      version: 'test',
      csrfToken: () => 'x',
    };
    const html = render(
      DocumentChecklist({
        ctx,
        items: checklistFor('accelerated-procedure', 'aufenthg-18a'),
        documents: [
          {
            id: '00000000-0000-4000-8000-000000000001',
            ownerPersonId: '00000000-0000-4000-8000-000000000002',
            fileName: 'Vertrag.pdf',
            mediaType: 'application/pdf',
            sizeBytes: 10,
            sha256: '0'.repeat(64),
            category: 'employment-contract',
            createdAt: new Date().toISOString(),
          },
        ],
      }),
    );
    assert.match(html, /Arbeitsvertrag<\/strong> <span[^>]*><span[^>]*>vorhanden/);
    assert.match(html, /Erklärung zum Beschäftigungsverhältnis<\/strong> <span[^>]*><span[^>]*>fehlt/);
    assert.match(html, /bringt der Arbeitgeber bei/);
    assert.match(html, /href="\/api\/v1\/documents\/00000000-0000-4000-8000-000000000001\/content"/);
  });
});
