// After `vite build`: the early lock screen (src/lib/vault/boot-lock.ts) built as one small classic script and
// written inline at the top of every page's <body>, its hash added to the page's CSP. It runs before the app's
// modules are even requested, so the lock screen takes the passcode while they load (see boot-handoff.ts).
// Built apart from the app's bundle on purpose: it must not pull in the shell chunk it runs ahead of, and it
// carries only the words it shows (the message catalogues are cut down to the keys boot-lock.ts reads).
import { build } from 'vite';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = process.env.TEBIKAE_BUILD ?? 'build';
const entry = fileURLToPath(new URL('../src/lib/vault/boot-lock.ts', import.meta.url));
/** Where app.html marks the spot; replaced by the script itself. */
const MARKER = /<!-- tebikae:boot-lock [^>]*-->/;

/** The message keys boot-lock.ts reads (`x['vault.lock.title']`). */
const wanted = new Set(
  [...readFileSync(entry, 'utf8').matchAll(/\['((?:vault|locale)\.[\w.]+)'\]/g)].map((m) => m[1])
);

/** A catalogue file (messages/<domain>.ts or messages/en/<domain>.ts) cut down to the wanted keys. */
function cutCatalogue(source, exportName) {
  const entries = {};
  for (const m of source.matchAll(/'([\w.]+)':\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`)/g))
    if (wanted.has(m[1])) entries[m[1]] = new Function(`return ${m[2]}`)();
  return `export const ${exportName} = ${JSON.stringify(entries)};`;
}

/** The rules of src/app.css the early screen's parts use (whole rules: a rule is kept if one selector is wanted). */
const BASE_SELECTORS = new Set([
  ':root',
  '*',
  'body',
  'h1',
  'button',
  'button.primary',
  'button:disabled',
  'button:focus-visible',
  'input',
  '.field',
  '.field label'
]);
function baseCss() {
  const css = readFileSync(fileURLToPath(new URL('../src/app.css', import.meta.url)), 'utf8').replace(
    /\/\*[\s\S]*?\*\//g,
    ''
  );
  const kept = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{' && depth++ === 0) {
      const selectors = css.slice(start, i).trim();
      const end = css.indexOf('}', i);
      if (!selectors.startsWith('@') && selectors.split(',').some((s) => BASE_SELECTORS.has(s.trim()))) {
        const body = css
          .slice(i + 1, end)
          .replace(/\s+/g, ' ')
          .trim();
        kept.push(`${selectors.replace(/\s*,\s*/g, ',')}{${body}}`);
      }
    } else if (css[i] === '}' && --depth === 0) start = i + 1;
  }
  return kept.join('\n');
}

const out = mkdtempSync(join(tmpdir(), 'tebikae-boot-'));
await build({
  configFile: false,
  define: { __BOOT_BASE_CSS__: JSON.stringify(baseCss()) },
  publicDir: false,
  logLevel: 'warn',
  plugins: [
    {
      name: 'tebikae:boot-words',
      enforce: 'pre',
      load(id) {
        const m = /[\\/]i18n[\\/]messages[\\/](en[\\/])?[\w-]+\.ts$/.exec(id);
        return m ? cutCatalogue(readFileSync(id, 'utf8'), m[1] ? 'en' : 'ja') : null;
      }
    }
  ],
  build: {
    outDir: out,
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    minify: true,
    lib: { entry, formats: ['iife'], name: 'tebikaeBootLock', fileName: () => 'boot-lock.js' }
  }
});
const script = readFileSync(join(out, 'boot-lock.js'), 'utf8').trim();
rmSync(out, { recursive: true, force: true });
for (const key of wanted)
  if (!script.includes(JSON.stringify(key))) throw new Error(`boot lock: no words for ${key}`);
// Written inside <script>…</script>: these would end it early (or open a comment) on every page.
if (/<\/script|<!--/i.test(script)) throw new Error('boot lock: the script holds </script or <!--');

const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
const pages = (d) =>
  readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? pages(p) : p.endsWith('.html') ? [p] : [];
  });
let count = 0;
for (const page of pages(dir)) {
  const html = readFileSync(page, 'utf8');
  if (!MARKER.test(html)) continue;
  const csp = /(<meta http-equiv="content-security-policy" content="[^"]*script-src [^;"]*)/;
  if (!csp.test(html)) throw new Error(`boot lock: ${page} has no script-src to add the hash to`);
  if (html.includes('script-src-elem'))
    throw new Error(`boot lock: ${page} has script-src-elem, which the hash would miss`);
  // The app's stylesheets and module preloads follow the early screen instead of preceding it: each request
  // costs the page's main thread a few milliseconds on a slow tablet, a script waits for every stylesheet
  // above it, and the lock screen needs neither (it carries the base rules it uses). The app's own start
  // script still comes after them all, so the app never renders unstyled.
  const preloads = [...html.matchAll(/[ \t]*<link href="[^"]+" rel="(?:modulepreload|stylesheet)">\n?/g)].map(
    (m) => m[0]
  );
  // Kit's page layout changed (attribute order, extra attributes): say so rather than lose the gain quietly.
  if (
    !preloads.some((l) => l.includes('rel="stylesheet"')) ||
    !preloads.some((l) => l.includes('modulepreload'))
  )
    throw new Error(
      `boot lock: ${page}: the app's stylesheet and module preload links were not found to move`
    );
  let out = html.replace(csp, `$1 ${hash}`);
  for (const link of preloads) out = out.replace(link, '');
  out = out.replace(MARKER, () => `<script>${script}</script>\n${preloads.map((l) => l.trim()).join('\n')}`);
  writeFileSync(page, out);
  count++;
}
if (count === 0) throw new Error('boot lock: no page has the marker (src/app.html)');
console.log(`boot lock: ${script.length} B (${gzipSync(script).length} B gzip), inline in ${count} pages`);
