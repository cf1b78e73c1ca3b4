// `npm run assets`: writes the purged KERN stylesheet and the Fira Sans subsets to src/web/assets/kern/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FACES, fontFaceCss, OUT_DIR, purgedKernCss, subsetFace } from './kern-assets.ts';

mkdirSync(path.join(OUT_DIR, 'fonts'), { recursive: true });
const css = await purgedKernCss();
writeFileSync(path.join(OUT_DIR, 'kern.css'), css);
process.stdout.write(`kern.css ${css.length} bytes\n`);
writeFileSync(path.join(OUT_DIR, 'fonts.css'), fontFaceCss());
for (const file of Object.values(FACES)) {
  const font = await subsetFace(file);
  writeFileSync(path.join(OUT_DIR, 'fonts', `${file}.woff2`), font);
  process.stdout.write(`fonts/${file}.woff2 ${font.length} bytes\n`);
}
