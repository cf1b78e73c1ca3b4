import { fileTypeFromBuffer } from 'file-type';

/** The only media types accepted, detected from the content. */
export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

const EXTENSIONS: Record<MediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** How many leading bytes the sniffer looks at. */
export const SNIFF_BYTES = 4100;

/** The magic numbers, checked in addition to `file-type`: both must agree. */
const MAGIC: Record<MediaType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

/**
 * The media type of a file from its first bytes, or undefined when it is none of PDF, JPEG and
 * PNG. The name and the declared type play no part.
 */
export async function sniffMediaType(head: Uint8Array): Promise<MediaType | undefined> {
  const own = MEDIA_TYPES.find((t) => startsWith(head, MAGIC[t]));
  if (!own) return undefined;
  const detected = await fileTypeFromBuffer(head);
  return detected?.mime === own ? own : undefined;
}

/** Control characters (C0, DEL, C1) and format characters (bidi overrides, zero-width, BOM). */
const CONTROL = /[\p{Cc}\p{Cf}]/gu;
const RESERVED = /[<>:"/\\|?*]/g;
export const FILE_NAME_MAX = 120;

/**
 * The uploader's file name made safe for display and for a download name: no directories, no
 * control or bidirectional-override characters, no characters reserved on common file systems,
 * at most 120 characters (keeping the extension), and an extension that fits the detected type.
 */
export function displayFileName(raw: string | undefined, type: MediaType): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  let name = last.normalize('NFC').replace(CONTROL, '').replace(RESERVED, '_').trim();
  name = name.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let base = dot > 0 ? name.slice(0, dot) : name;
  const fits = EXTENSIONS[type].includes(ext);
  if (!fits && dot > 0) base = name;
  const suffix = fits ? ext : (EXTENSIONS[type][0] as string);
  if (!base) base = 'document';
  const room = FILE_NAME_MAX - suffix.length - 1;
  if ([...base].length > room) base = [...base].slice(0, room).join('').trimEnd();
  return `${base}.${suffix}`;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 8187). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^ -~]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
