import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fontFaceCss, OUT_DIR, purgedKernCss } from '../../scripts/kern-assets.ts';

describe('the committed KERN assets (npm run assets)', () => {
  it('keep every KERN rule the sources in src/ can use: run `npm run assets` when this fails', async () => {
    const committed = readFileSync(path.join(OUT_DIR, 'kern.css'), 'utf8');
    assert.ok(committed === (await purgedKernCss()), 'src/web/assets/kern/kern.css is out of date');
  });

  it('declare the four Fira Sans faces the stylesheets use', () => {
    assert.equal(readFileSync(path.join(OUT_DIR, 'fonts.css'), 'utf8'), fontFaceCss());
  });
});
