import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Static assets held in memory (ADR 0018): each file is read once at start, named by the hash of its
 * content (`app.3f9c1a2b7d.css`) and compressed once per encoding on first demand. A fingerprinted URL
 * never changes its content, so it is cached for a year as immutable; the plain name still answers,
 * revalidated on every use (ETag). Stylesheets' `url()` references to other assets are rewritten to
 * the fingerprinted URLs, so a changed font changes the stylesheet's hash too.
 */
export interface AssetSource {
  /** Directory on disk. */
  dir: string;
  /** Name prefix under the mount point, e.g. `kern/` (empty for the top level). */
  prefix: string;
  /** Which files of the directory (recursively) to serve. */
  include: (file: string) => boolean;
}

interface Asset {
  name: string;
  url: string;
  type: string;
  compressible: boolean;
  body: Buffer;
  etag: string;
  encoded: Map<'br' | 'gzip', Buffer>;
}

export interface AssetStore {
  /** The fingerprinted URL of an asset by its plain name, e.g. `app.css` → `/assets/app.3f9c1a2b7d.css`. */
  url(name: string): string;
  /** Every asset's plain name. */
  names(): string[];
}

const TYPES: Record<string, [type: string, compressible: boolean]> = {
  '.css': ['text/css; charset=utf-8', true],
  '.js': ['text/javascript; charset=utf-8', true],
  '.svg': ['image/svg+xml', true],
  '.woff2': ['font/woff2', false],
  '.woff': ['font/woff', false],
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, no-cache';

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}

function fingerprinted(mount: string, name: string, body: Buffer): { url: string; hash: string } {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const ext = path.posix.extname(name);
  return { url: `${mount}${name.slice(0, name.length - ext.length)}.${hash}${ext}`, hash };
}

/** Reads the sources once; stylesheets last, so that their references can point at fingerprinted URLs. */
export function createAssetStore(
  mount: string,
  sources: readonly AssetSource[],
): AssetStore & {
  lookup(pathname: string): { asset: Asset; immutable: boolean } | undefined;
} {
  const byName = new Map<string, Asset>();
  const byUrl = new Map<string, Asset>();
  const files = sources.flatMap((s) =>
    filesIn(s.dir)
      .filter((f) => s.include(f) && TYPES[path.extname(f)])
      .map((f) => ({ name: s.prefix + f, file: path.join(s.dir, f) })),
  );
  const add = (name: string, body: Buffer) => {
    const [type, compressible] = TYPES[path.posix.extname(name)] ?? ['application/octet-stream', false];
    const { url, hash } = fingerprinted(mount, name, body);
    const asset: Asset = { name, url, type, compressible, body, etag: `"${hash}"`, encoded: new Map() };
    byName.set(name, asset);
    byUrl.set(url, asset);
  };
  const isCss = (name: string) => name.endsWith('.css');
  for (const { name, file } of files.filter((f) => !isCss(f.name))) add(name, readFileSync(file));
  for (const { name, file } of files.filter((f) => isCss(f.name))) {
    const css = readFileSync(file, 'utf8').replace(/url\((["']?)([^"')]+)\1\)/g, (whole, _q, ref: string) => {
      if (/^(data:|[a-z]+:|\/|#)/i.test(ref)) return whole;
      const target = byName.get(path.posix.normalize(path.posix.join(path.posix.dirname(name), ref)));
      return target ? `url("${target.url}")` : whole;
    });
    add(name, Buffer.from(css, 'utf8'));
  }
  return {
    url(name) {
      const asset = byName.get(name);
      if (!asset) throw new Error(`No asset named ${name}`);
      return asset.url;
    },
    names: () => [...byName.keys()],
    lookup(pathname) {
      const hashed = byUrl.get(pathname);
      if (hashed) return { asset: hashed, immutable: true };
      const plain = pathname.startsWith(mount) ? byName.get(pathname.slice(mount.length)) : undefined;
      return plain ? { asset: plain, immutable: false } : undefined;
    },
  };
}

/** The best encoding the client accepts among ours (brotli first), or none. */
function negotiate(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(coding, q === undefined ? 1 : Number(q));
  }
  const ok = (c: string) => (accepted.get(c) ?? accepted.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

function encode(asset: Asset, encoding: 'br' | 'gzip'): Buffer {
  let body = asset.encoded.get(encoding);
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(asset.body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length,
            },
          })
        : gzipSync(asset.body, { level: 9 });
    asset.encoded.set(encoding, body);
  }
  return body;
}

/** Serves the store under its mount point: GET and HEAD, 304 on a matching ETag, compressed when asked. */
export function registerAssets(
  app: FastifyInstance,
  mount: string,
  store: ReturnType<typeof createAssetStore>,
): void {
  app.get(
    `${mount}*`,
    { config: { policy: { public: 'static assets' } }, compress: false },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const found = store.lookup(req.url.split('?')[0] ?? '');
      if (!found) return reply.callNotFound();
      const { asset, immutable } = found;
      reply
        .header('cache-control', immutable ? IMMUTABLE : REVALIDATE)
        .header('etag', asset.etag)
        .header('content-type', asset.type);
      if (asset.compressible) reply.header('vary', 'Accept-Encoding');
      const inm = req.headers['if-none-match'];
      if (inm?.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) {
        return reply.code(304).send();
      }
      const encoding = asset.compressible ? negotiate(req.headers['accept-encoding']) : undefined;
      if (!encoding) return reply.send(asset.body);
      return reply.header('content-encoding', encoding).send(encode(asset, encoding));
    },
  );
}
