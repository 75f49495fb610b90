// Which Japanese message catalogues each page needs, and whether it loads them. A catalogue
// (src/lib/i18n/messages/<domain>.ts) registers itself when imported, and a page imports the ones it
// shows, so they arrive with its code and before it renders: no screen shows a bare key, and the first
// screen carries only the shell's words. This follows the static imports (the code the bundler loads
// before a module runs) from each entry: the root layout; each page, under that layout; and each
// module loaded lazily with import(), which must bring its own catalogues beyond the layout's. Each
// message key found in a string literal of the code reached (a template like `reception.status.${s}`
// by its prefix) names the catalogue it needs. `node scripts/catalogues.mjs` prints what each entry
// loads and fails on a gap; scripts/catalogues.test.ts runs the same check in the unit tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const lib = join(src, 'lib');
const messagesDir = join(lib, 'i18n/messages');
/** Every catalogue at once, for tests and the bench page: app code must never reach it. */
const ALL = join(messagesDir, 'all.ts');

/** Every source file under a folder, unit tests aside. */
function sources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** The Japanese catalogues and their keys: { file, keys }[]. */
export function catalogues() {
  return readdirSync(messagesDir)
    .filter((name) => name.endsWith('.ts') && join(messagesDir, name) !== ALL)
    .map((name) => {
      const file = join(messagesDir, name);
      const keys = [...readFileSync(file, 'utf8').matchAll(/^\s*'([\w.]+)':/gm)].map((m) => m[1]);
      return { file, keys: new Set(keys) };
    });
}

// `import x from`, `export { x } from`, `import 'x'`, and import('x'). Type-only imports load nothing.
const staticRe =
  /\b(import|export)\s+(type\s+)?([^'"`;]*?)\s*from\s*['"]([^'"]+)['"]|\bimport\s+['"]([^'"]+)['"]/g;
const dynamicRe = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function typeOnly(keyword, clause) {
  if (keyword) return true;
  const named = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!named) return false;
  const parts = named[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((s) => s.startsWith('type '));
}

/** Files the tests add (path → text), as if they were on disk. */
let virtual = new Map();

/** The source file an import specifier points at, or null (a package, $app, an asset). */
function target(file, spec) {
  let abs;
  if (spec === '$lib' || spec.startsWith('$lib/')) abs = join(lib, spec.slice(5));
  else if (spec.startsWith('.')) abs = resolve(dirname(file), spec);
  else return null;
  for (const candidate of [abs, abs + '.ts', abs + '.js', join(abs, 'index.ts')])
    if (
      virtual.has(candidate) ||
      (existsSync(candidate) && statSync(candidate).isFile() && /\.(ts|js|svelte)$/.test(candidate))
    )
      return candidate;
  return null;
}

const parsed = new Map();
/** A file's static imports, lazy imports (resolved to files of src) and text. */
function parse(file) {
  if (parsed.has(file)) return parsed.get(file);
  const text = virtual.get(file) ?? readFileSync(file, 'utf8');
  const statics = [];
  const lazies = [];
  for (const m of text.matchAll(staticRe)) {
    if (m[5] === undefined && typeOnly(m[2], m[3])) continue;
    const t = target(file, m[4] ?? m[5]);
    if (t) statics.push(t);
  }
  for (const m of text.matchAll(dynamicRe)) {
    const t = target(file, m[1]);
    if (t) lazies.push(t);
  }
  const info = { statics, lazies, text };
  parsed.set(file, info);
  return info;
}

/** Every file loaded (statically) with the given ones. */
function reach(files) {
  const seen = new Set();
  const stack = [...files];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...parse(file).statics);
  }
  return seen;
}

/** The catalogues a file's code needs: catalogue file → an example key. */
function needs(file, cats) {
  const out = new Map();
  if (file.startsWith(messagesDir)) return out;
  const { text } = parse(file);
  const note = (cat, key) => {
    if (!out.has(cat.file)) out.set(cat.file, key);
  };
  for (const m of text.matchAll(/(['"`])([a-zA-Z]\w*(?:\.\w+)+)\1/g))
    for (const cat of cats) if (cat.keys.has(m[2])) note(cat, m[2]);
  for (const m of text.matchAll(/`([a-zA-Z]\w*(?:\.\w+)*\.)\$\{/g))
    for (const cat of cats) if ([...cat.keys].some((k) => k.startsWith(m[1]))) note(cat, m[1] + '…');
  return out;
}

/**
 * Each entry with the catalogues it loads and its gaps ({ problem, file } each).
 * `extra` adds files (path → text) for the tests, standing in for or beside the real ones.
 */
export function check(extra = {}) {
  parsed.clear();
  virtual = new Map(Object.entries(extra).map(([path, text]) => [join(root, path), text]));
  const cats = catalogues();
  const catFiles = new Set(cats.map((c) => c.file));
  const provided = (files) => new Set([...files].filter((f) => catFiles.has(f)));
  const all = [...new Set([...sources(src), ...virtual.keys()])];
  const exists = (p) => all.includes(p);

  const layoutFiles = ['src/routes/+layout.svelte', 'src/routes/+layout.ts']
    .map((p) => join(root, p))
    .filter(exists);
  const shellReach = reach(layoutFiles);
  const shell = provided(shellReach);

  const entries = [{ name: 'src/routes/+layout.svelte', files: shellReach, loads: shell }];
  const pages = new Map();
  for (const file of all)
    if (file.startsWith(join(src, 'routes')) && /\/\+page\.(svelte|ts)$/.test(file)) {
      const dir = dirname(file);
      pages.set(dir, [...(pages.get(dir) ?? []), file]);
    }
  for (const [dir, files] of [...pages].sort()) {
    const reached = reach(files);
    entries.push({
      name: relative(root, join(dir, '+page.svelte')),
      files: reached,
      loads: new Set([...shell, ...provided(reached)])
    });
  }
  const lazy = new Set(all.flatMap((file) => parse(file).lazies));
  for (const file of [...lazy].sort()) {
    const reached = reach([file]);
    entries.push({
      name: relative(root, file) + ' (lazy)',
      files: reached,
      loads: new Set([...shell, ...provided(reached)])
    });
  }

  return entries.map(({ name, files, loads }) => {
    const missing = [];
    for (const file of [...files].sort())
      if (parse(file).statics.includes(ALL))
        missing.push({
          problem: 'imports all.ts (every catalogue: tests and the bench page only)',
          file: relative(root, file)
        });
    const seen = new Set();
    for (const file of [...files].sort())
      for (const [cat, key] of needs(file, cats))
        if (!loads.has(cat) && !seen.has(cat)) {
          seen.add(cat);
          missing.push({
            problem: `lacks ${relative(messagesDir, cat)} (${key})`,
            file: relative(root, file)
          });
        }
    return { name, loads: [...loads].map((f) => relative(messagesDir, f)).sort(), missing };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = check();
  let gaps = 0;
  for (const { name, loads, missing } of report) {
    console.log(`${name}: ${loads.map((f) => f.replace(/\.ts$/, '')).join(', ')}`);
    for (const m of missing) {
      gaps++;
      console.log(`  ✘ ${m.problem} in ${m.file}`);
    }
  }
  console.log(gaps === 0 ? `✓ every entry loads the catalogues it shows` : `✘ ${gaps} gaps`);
  process.exit(gaps === 0 ? 0 : 1);
}
