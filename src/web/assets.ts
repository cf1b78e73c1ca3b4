import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AssetSource, createAssetStore } from '../platform/http/static-assets.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the assets are mounted. */
export const ASSETS_MOUNT = '/assets/';

/**
 * Ours, and in `kern/` the parts of KERN we use: the purged stylesheet and the Fira Sans subsets, built by
 * `npm run assets` (scripts/kern-assets.ts) and committed, so that a clean clone starts without a build.
 */
const SOURCES: readonly AssetSource[] = [
  { dir: path.join(ROOT, 'src/web/assets'), prefix: '', include: () => true },
];

/** The app's assets, read once per process (src/platform/http/static-assets.ts). */
export const assets = createAssetStore(ASSETS_MOUNT, SOURCES);

/** The fingerprinted URL of an asset, e.g. `assetUrl('app.css')`. */
export function assetUrl(name: string): string {
  return assets.url(name);
}
