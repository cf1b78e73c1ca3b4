import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, type PDFObject, PDFString } from 'pdf-lib';
import { SAMPLE_JPEG, SAMPLE_PNG } from './documents.ts';

/**
 * Generated hostile files for the upload tests (nothing downloaded, nothing real): PDFs with
 * active content — by default inside compressed object streams, where a byte scan sees nothing —,
 * images with trailers, pixel floods, polyglots.
 */

export type PdfTrap =
  | 'none'
  | 'javascript-names'
  | 'open-action-javascript'
  | 'open-action-goto'
  | 'open-action-uri'
  | 'launch'
  | 'embedded-file'
  | 'additional-action'
  | 'submit-form'
  | 'import-data'
  | 'xfa'
  | 'rich-media';

/** A one-page PDF written by pdf-lib with the given trap; `objectStreams` compresses the objects. */
export async function pdfWith(trap: PdfTrap, objectStreams = true): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([200, 200]);
  page.drawText('Zeugnis', { x: 20, y: 100, size: 20 });
  const { context, catalog } = doc;
  const action = (fields: Record<string, unknown>) => context.obj(fields as never);
  const link = (a: PDFObject) =>
    page.node.set(
      PDFName.of('Annots'),
      context.obj([context.register(action({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 50], A: a }))]),
    );
  switch (trap) {
    case 'none':
      break;
    case 'javascript-names': {
      const js = context.register(action({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
      catalog.set(PDFName.of('Names'), action({ JavaScript: action({ Names: [PDFString.of('x'), js] }) }));
      break;
    }
    case 'open-action-javascript':
      catalog.set(PDFName.of('OpenAction'), action({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
      break;
    case 'open-action-goto':
      catalog.set(PDFName.of('OpenAction'), action({ S: 'GoTo', D: [page.ref, 'Fit'] }));
      break;
    case 'open-action-uri':
      catalog.set(PDFName.of('OpenAction'), action({ S: 'URI', URI: PDFString.of('https://example.org/x') }));
      break;
    case 'launch':
      link(action({ S: 'Launch', F: PDFString.of('cmd.exe') }));
      break;
    case 'embedded-file':
      await doc.attach(Buffer.from('MZ'), 'tool.exe', { mimeType: 'application/octet-stream' });
      break;
    case 'additional-action':
      page.node.set(PDFName.of('AA'), action({ O: action({ S: 'Named', N: 'Print' }) }));
      break;
    case 'submit-form':
      link(action({ S: 'SubmitForm', F: PDFString.of('https://example.org/collect') }));
      break;
    case 'import-data':
      link(action({ S: 'ImportData', F: PDFString.of('data.fdf') }));
      break;
    case 'xfa':
      catalog.set(PDFName.of('AcroForm'), action({ Fields: [], XFA: PDFString.of('<xdp/>') }));
      break;
    case 'rich-media':
      page.node.set(
        PDFName.of('Annots'),
        context.obj([
          context.register(action({ Type: 'Annot', Subtype: 'RichMedia', Rect: [0, 0, 50, 50] })),
        ]),
      );
      break;
  }
  return Buffer.from(await doc.save({ useObjectStreams: objectStreams }));
}

/**
 * A hand-written PDF (no object streams) whose only object is `body`; for names written with
 * `#xx` escapes and for an encryption dictionary, which pdf-lib does not write.
 */
export function rawPdf(catalogExtra: string, trailerExtra = ''): Buffer {
  return Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>\nendobj\n` +
      `2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n` +
      `trailer\n<< /Root 1 0 R ${trailerExtra} >>\n%%EOF\n`,
    'latin1',
  );
}

/** A PDF whose object stream expands to `bytes` (a decompression bomb for the parser). */
export function objectStreamBomb(bytes: number): Buffer {
  const packed = deflateSync(Buffer.alloc(bytes, 0x20), { level: 9 });
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n` +
        `3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
      'latin1',
    ),
    packed,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG whose header claims `width` × `height` pixels (no real image data: a pixel flood). */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    SAMPLE_PNG.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG whose frame header claims `width` × `height` pixels. */
export function jpegClaiming(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([SAMPLE_JPEG.subarray(0, SAMPLE_JPEG.length - 2), sof, Buffer.from([0xff, 0xd9])]);
}

export const SCRIPT_TRAILER = Buffer.from(
  '<?php system($_GET["c"]); ?><script>alert(document.cookie)</script>',
);

/** A little-endian record of `size` bytes: `[offset, value]` pairs of 32-bit and 16-bit fields. */
function record(size: number, u32: [number, number][], u16: [number, number][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, v] of u32) b.writeUInt32LE(v, at);
  for (const [at, v] of u16) b.writeUInt16LE(v, at);
  return b;
}

/** A ZIP archive with one stored file, as unzip reads it. */
export function storedZip(name: string, data: Buffer): Buffer {
  const n = Buffer.from(name, 'latin1');
  const crc = crc32(data);
  const sizes: [number, number][] = [
    [0, crc],
    [4, data.length],
    [8, data.length],
  ];
  const local = record(
    30,
    [[0, 0x04034b50], ...sizes.map(([at, v]): [number, number] => [14 + at, v])],
    [
      [4, 20],
      [26, n.length],
    ],
  );
  const central = record(
    46,
    [[0, 0x02014b50], ...sizes.map(([at, v]): [number, number] => [16 + at, v])],
    [
      [4, 20],
      [6, 20],
      [28, n.length],
    ],
  );
  const cdOffset = local.length + n.length + data.length;
  const end = record(
    22,
    [
      [0, 0x06054b50],
      [12, central.length + n.length],
      [16, cdOffset],
    ],
    [
      [8, 1],
      [10, 1],
    ],
  );
  return Buffer.concat([local, n, data, central, n, end]);
}

/**
 * A PDF that is also a ZIP: the archive sits in a stream of the PDF, close enough to the end
 * that unzip finds its end record; the PDF ends after it as usual.
 */
export function pdfZipPolyglot(): Buffer {
  const zip = storedZip('payload.html', Buffer.from('<script>alert(1)</script>'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n` +
        `3 0 obj\n<< /Length ${zip.length} >>\nstream\n`,
      'latin1',
    ),
    zip,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/** A PNG that also holds a ZIP, in a private ancillary chunk before `IEND`. */
export function pngZipPolyglot(): Buffer {
  const zip = storedZip('payload.html', Buffer.from('<script>alert(1)</script>'));
  const iend = SAMPLE_PNG.length - 12;
  return Buffer.concat([SAMPLE_PNG.subarray(0, iend), chunk('zzIP', zip), SAMPLE_PNG.subarray(iend)]);
}
