// Subsets Noto Sans JP Regular to CP932's repertoire for the PDF engine; writes the TTF, its license and the coverage map.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { wantedCodePoints } from './cp932-chars.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
const source = join(packageDir, '400Regular', 'NotoSansJP_400Regular.ttf');
// Kept out of static/: the build ships it gzip-compressed (scripts/pack-font.mjs).
const target = join(root, 'fonts', 'NotoSansJP-subset.ttf');
const license = join(root, 'static', 'fonts', 'OFL.txt');
const coverageFile = join(root, 'src', 'lib', 'paper', 'coverage.json');

/** Characters a clinic is sure to meet in names; the run fails if any of them is lost. */
const MUST_HAVE = '髙﨑①㈱Ⅰ¬〜−‖〓￥¥ｱｰ№℃';

const original = readFileSync(source);
const wanted = wantedCodePoints();
const text = String.fromCodePoint(...wanted);

const subset = await subsetFont(original, text, {
  targetFormat: 'truetype',
  // jsPDF neither shapes nor lays out vertically: alternates and layout tables are dead weight.
  keepFeatures: [],
  noLayoutClosure: true,
  noHinting: true,
  dropTables: ['GSUB', 'GPOS', 'GDEF', 'BASE', 'vhea', 'vmtx', 'VORG', 'DSIG'],
  // Keep copyright, names, version and the license fields (OFL asks the notice to travel with the font).
  preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
});

const covered = unicodeCodePoints(subset);
const coveredSet = new Set(covered);
const lost = [...MUST_HAVE].filter((ch) => !coveredSet.has(ch.codePointAt(0)));
if (lost.length) throw new Error(`Subset lost required characters: ${lost.join(' ')}`);
// Noto Sans JP itself lacks a few (≒ U+2252, ‾ U+203E): they print as 〓 and are reported.
const notInFont = wanted.filter((cp) => !coveredSet.has(cp));

writeFileSync(target, subset);
copyFileSync(join(packageDir, 'LICENSE_FONT'), license);
const sha256 = createHash('sha256').update(subset).digest('hex');
writeFileSync(
  coverageFile,
  JSON.stringify({ font: 'NotoSansJP-subset.ttf', sha256, ranges: encodeRanges(covered) }, null, 2) + '\n'
);

const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
console.log(`source  ${mb(original.length)}  ${source}`);
console.log(`subset  ${mb(subset.length)}  ${target}  (${subset.length} bytes)`);
console.log(
  `covers  ${covered.length} code points; wanted characters the font lacks: ${notInFont.length}` +
    (notInFont.length ? ` (${String.fromCodePoint(...notInFont)})` : '')
);
console.log(`sha256  ${sha256}`);

/** Code points mapped by the font's Unicode cmap (format 12 preferred, else format 4). */
function unicodeCodePoints(font) {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(rec, rec + 4));
    if (tag === 'cmap') cmap = view.getUint32(rec + 8);
  }
  if (cmap < 0) throw new Error('Subset has no cmap table');
  const count = view.getUint16(cmap + 2);
  const subtables = [];
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const offset = cmap + view.getUint32(rec + 4);
    subtables.push({
      platform: view.getUint16(rec),
      encoding: view.getUint16(rec + 2),
      offset,
      format: view.getUint16(offset)
    });
  }
  const pick =
    subtables.find((s) => s.format === 12) ??
    subtables.find((s) => s.format === 4 && (s.platform === 0 || s.encoding === 1));
  if (!pick) throw new Error('Subset has no Unicode cmap');
  const points = [];
  if (pick.format === 12) {
    const groups = view.getUint32(pick.offset + 12);
    for (let g = 0; g < groups; g++) {
      const at = pick.offset + 16 + g * 12;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let cp = start; cp <= end; cp++) if (glyph + (cp - start) !== 0) points.push(cp);
    }
  } else {
    const segX2 = view.getUint16(pick.offset + 6);
    const ends = pick.offset + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const rangeOffsets = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = view.getUint16(ends + s * 2);
      const start = view.getUint16(starts + s * 2);
      const delta = view.getUint16(deltas + s * 2);
      const ro = view.getUint16(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph;
        if (ro === 0) glyph = (cp + delta) & 0xffff;
        else {
          const raw = view.getUint16(rangeOffsets + s * 2 + ro + (cp - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) points.push(cp);
      }
    }
  }
  return [...new Set(points)].sort((a, b) => a - b);
}

/** Sorted code points as space-separated hex runs ('20-7e a5 …'): short, and one line for formatters. */
function encodeRanges(points) {
  const runs = [];
  for (let i = 0; i < points.length;) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    runs.push(i === j ? points[i].toString(16) : `${points[i].toString(16)}-${points[j].toString(16)}`);
    i = j + 1;
  }
  return runs.join(' ');
}
