import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SAMPLE_JPEG, SAMPLE_PNG, samplePdf } from '../../../test/support/documents.ts';
import {
  jpegClaiming,
  objectStreamBomb,
  type PdfTrap,
  pdfWith,
  pdfZipPolyglot,
  pngClaiming,
  pngZipPolyglot,
  rawPdf,
  SCRIPT_TRAILER,
  storedZip,
} from '../../../test/support/upload-fixtures.ts';
import { checkContent } from './content-check.ts';
import type { ContentVerdict } from './content-verdict.ts';
import type { MediaType } from './files.ts';
import { MAX_PIXELS } from './image-check.ts';
import { holdsZip } from './polyglot-check.ts';

const problemOf = (v: ContentVerdict) => (v.ok ? 'ok' : v.problem);

describe('content check: PDF', () => {
  it('keeps plain PDFs, with and without object streams, and one that opens on a page (GoTo)', async () => {
    for (const pdf of [
      samplePdf(),
      await pdfWith('none'),
      await pdfWith('none', false),
      await pdfWith('open-action-goto'),
    ]) {
      const v = await checkContent('application/pdf', pdf);
      assert.deepEqual(v, { ok: true, length: pdf.length });
    }
  });

  const traps: PdfTrap[] = [
    'javascript-names',
    'open-action-javascript',
    'open-action-uri',
    'launch',
    'embedded-file',
    'additional-action',
    'submit-form',
    'import-data',
    'xfa',
    'rich-media',
  ];
  for (const trap of traps) {
    it(`refuses ${trap}, also inside a compressed object stream`, async () => {
      const packed = await pdfWith(trap, true);
      // The objects are compressed: a byte scan would not see the name.
      assert.ok(!packed.includes('/S /'), 'the actions are compressed');
      assert.equal(problemOf(await checkContent('application/pdf', packed)), 'active-content');
      assert.equal(
        problemOf(await checkContent('application/pdf', await pdfWith(trap, false))),
        'active-content',
      );
    });
  }

  it('reads names written with #xx escapes, in either case', async () => {
    for (const extra of [
      '/OpenAction << /S /Java#53cript /JS (app.alert(1)) >>',
      '/OpenAction << /S /Java#73cript /JS (app.alert(1)) >>',
      '/AA << /O << /#53 /#4aavaScript /#4a#53 (x) >> >>',
      '/Names << /#45mbeddedFiles << /Names [] >> >>',
      '/Names << /#65mbeddedFiles << >> >>'.replace('#65', '#45'),
    ]) {
      assert.equal(problemOf(await checkContent('application/pdf', rawPdf(extra))), 'active-content', extra);
    }
  });

  it('refuses active content in an object pdf-lib cannot parse', async () => {
    const broken = Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
        '3 0 obj\n<< /S /Java#53cript /JS (app.alert(1)) [ >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
    );
    assert.equal(problemOf(await checkContent('application/pdf', broken)), 'active-content');
  });

  it('refuses encrypted PDFs', async () => {
    const pdf = rawPdf('', '/Encrypt << /Filter /Standard /V 1 /R 2 /O (x) /U (y) /P -4 >>');
    assert.equal(problemOf(await checkContent('application/pdf', pdf)), 'encrypted');
  });

  it('refuses a PDF that cannot be parsed', async () => {
    assert.equal(problemOf(await checkContent('application/pdf', Buffer.from('%PDF-1.7\n'))), 'well-formed');
  });

  it('refuses an object stream that would expand beyond the bound, before pdf-lib expands it', async () => {
    assert.equal(
      problemOf(await checkContent('application/pdf', objectStreamBomb(65 * 1024 * 1024))),
      'well-formed',
    );
  });

  it('cuts off what follows the last %%EOF (an appended archive), and refuses a ZIP inside', async () => {
    const pdf = await pdfWith('none');
    const v = await checkContent(
      'application/pdf',
      Buffer.concat([pdf, storedZip('a.html', SCRIPT_TRAILER)]),
    );
    assert.deepEqual(v, { ok: true, length: pdf.length });
    assert.equal(problemOf(await checkContent('application/pdf', pdfZipPolyglot())), 'active-content');
  });
});

describe('content check: images', () => {
  it('keeps clean images whole', async () => {
    assert.deepEqual(await checkContent('image/png', SAMPLE_PNG), { ok: true, length: SAMPLE_PNG.length });
    assert.deepEqual(await checkContent('image/jpeg', SAMPLE_JPEG), { ok: true, length: SAMPLE_JPEG.length });
  });

  it('cuts off data after PNG IEND and JPEG EOI', async () => {
    for (const [type, image] of [
      ['image/png', SAMPLE_PNG],
      ['image/jpeg', SAMPLE_JPEG],
      ['image/jpeg', jpegClaiming(640, 480)],
    ] as const) {
      const v = await checkContent(type, Buffer.concat([image, SCRIPT_TRAILER]));
      assert.deepEqual(v, { ok: true, length: image.length }, type);
    }
  });

  it('follows JPEG scans: stuffed bytes and restart markers do not end the image', async () => {
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
    const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd9]);
    const jpeg = Buffer.concat([jpegClaiming(8, 8).subarray(0, -2), sos, scan]);
    assert.deepEqual(await checkContent('image/jpeg', Buffer.concat([jpeg, SCRIPT_TRAILER])), {
      ok: true,
      length: jpeg.length,
    });
  });

  it('refuses pixel floods (50 000 × 50 000) and keeps a large but plausible photo', async () => {
    assert.equal(problemOf(await checkContent('image/png', pngClaiming(50_000, 50_000))), 'max-pixels');
    assert.equal(problemOf(await checkContent('image/jpeg', jpegClaiming(50_000, 50_000))), 'max-pixels');
    assert.equal(problemOf(await checkContent('image/png', pngClaiming(8000, 6000))), 'ok');
    assert.ok(8000 * 6000 < MAX_PIXELS);
  });

  it('skips extraneous bytes between JPEG segments, as decoders do', async () => {
    const jpeg = jpegClaiming(8, 8);
    const padded = Buffer.concat([jpeg.subarray(0, 20), Buffer.alloc(3), jpeg.subarray(20)]);
    assert.deepEqual(await checkContent('image/jpeg', Buffer.concat([padded, SCRIPT_TRAILER])), {
      ok: true,
      length: padded.length,
    });
  });

  it('refuses images whose structure ends early', async () => {
    assert.equal(problemOf(await checkContent('image/png', SAMPLE_PNG.subarray(0, 40))), 'well-formed');
    assert.equal(problemOf(await checkContent('image/jpeg', SAMPLE_JPEG.subarray(0, 10))), 'well-formed');
    assert.equal(
      problemOf(await checkContent('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0x3c, 0x68, 0x74]))),
      'well-formed',
    );
  });

  it('refuses a PNG that holds a ZIP archive before IEND', async () => {
    assert.ok(holdsZip(pngZipPolyglot()));
    assert.equal(problemOf(await checkContent('image/png', pngZipPolyglot())), 'active-content');
    assert.ok(!holdsZip(SAMPLE_PNG));
  });
});

describe('content check: never throws, whatever the bytes', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
  console.log(`content-check fuzz seed ${seed}`);

  it('answers a verdict for damaged PDFs, PNGs and JPEGs (mutated, truncated, random)', async () => {
    const plain = await pdfWith('none');
    const bases: [MediaType, Buffer][] = [
      ['application/pdf', plain],
      ['application/pdf', await pdfWith('javascript-names', false)],
      ['image/png', SAMPLE_PNG],
      ['image/jpeg', jpegClaiming(32, 32)],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bases),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.nat(),
        fc.uint8Array({ maxLength: 64 }),
        async ([type, base], flips, cut, tail) => {
          const bytes = Buffer.concat([base.subarray(0, cut % (base.length + 1)), tail]);
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          const v = await checkContent(type, bytes);
          assert.ok(v.ok ? v.length <= bytes.length : typeof v.problem === 'string');
        },
      ),
      { numRuns: 300, seed },
    );
  });

  it("drops pdf-lib's warnings about damaged objects (a log flood), passes others, and restores console.warn", async () => {
    const original = console.warn;
    const seen: unknown[] = [];
    const recorder = (...args: unknown[]) => void seen.push(args[0]);
    console.warn = recorder;
    try {
      const damaged = Buffer.from(
        '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n3 0 obj\n<< /A [ 1 2 >>\nendobj\n' +
          '4 0 obj\n<< /B 99 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      );
      const checking = checkContent('application/pdf', damaged);
      console.warn('another module speaks');
      await checking;
      assert.equal(console.warn, recorder, 'restored');
    } finally {
      console.warn = original;
    }
    assert.deepEqual(seen, ['another module speaks']);
  });

  it('refuses deeply nested PDF objects without overflowing the stack', async () => {
    const deep = rawPdf(`/X ${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    assert.equal(problemOf(await checkContent('application/pdf', deep)), 'well-formed');
  });
});
