import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AssetSource, createAssetStore } from '../platform/http/static-assets.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the assets are mounted. */
export const ASSETS_MOUNT = '/assets/';

const SOURCES: readonly AssetSource[] = [
  { dir: path.join(ROOT, 'src/web/assets'), prefix: '', include: () => true },
  {
    dir: path.join(ROOT, 'node_modules/@kern-ux/native/dist'),
    prefix: 'kern/',
    include: (f) =>
      f === 'kern.min.css' || f === 'fonts/fira-sans.css' || /^fonts\/fira-sans\/.*\.woff2$/.test(f),
  },
];

/** The app's assets, read once per process (src/platform/http/static-assets.ts). */
export const assets = createAssetStore(ASSETS_MOUNT, SOURCES);

/** The fingerprinted URL of an asset, e.g. `assetUrl('app.css')`. */
export function assetUrl(name: string): string {
  return assets.url(name);
}
