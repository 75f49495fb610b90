// After `vite build`: put the print font into the build gzip-compressed (2.3 MB → 1.4 MB), before the
// service worker's precache list is made. The browser inflates it with DecompressionStream when the
// first PDF is made (src/lib/paper/font-browser.ts); the TTF itself stays in fonts/ for Node and tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = process.env.TEBIKAE_BUILD ?? 'build';
const ttf = readFileSync(new URL('../fonts/NotoSansJP-subset.ttf', import.meta.url));
mkdirSync(`${dir}/fonts`, { recursive: true });
const packed = gzipSync(ttf, { level: 9 });
writeFileSync(`${dir}/fonts/NotoSansJP-subset.ttf.gz`, packed);
console.log(`font: ${ttf.length} B → ${packed.length} B gzip`);
