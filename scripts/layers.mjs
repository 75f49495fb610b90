// The import graph between the folders of src/lib (.ts, .svelte.ts and .svelte files): lists every
// cross-folder edge with one example file, and fails when two folders import each other, directly or
// through others (a cycle). Unit tests (*.test.ts) are left out: a test sits above every layer and may
// import whatever it checks. `node scripts/layers.mjs` prints the graph; `--quiet` prints only cycles.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const lib = join(root, 'src/lib');
const quiet = process.argv.includes('--quiet');

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

/** The folder of src/lib a file belongs to ('' for files directly in src/lib, like result.ts). */
function folderOf(file) {
  const rel = relative(lib, file);
  return rel.includes('/') ? rel.split('/')[0] : '';
}

const importRe =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** The file of src/lib an import specifier points at, or null (a package, a route, $app). */
function target(file, spec) {
  let abs;
  if (spec.startsWith('$lib/') || spec === '$lib') abs = join(lib, spec.slice(5));
  else if (spec.startsWith('.')) abs = resolve(dirname(file), spec);
  else return null;
  return abs.startsWith(lib) ? abs : null;
}

export function graph() {
  const edges = new Map(); // "from -> to" => example file
  for (const file of sources(lib)) {
    const from = folderOf(file);
    if (!from) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(importRe)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const abs = target(file, spec);
      if (!abs) continue;
      const to = folderOf(abs.endsWith('/') ? abs + 'x' : abs);
      if (!to || to === from) continue;
      const key = `${from} -> ${to}`;
      if (!edges.has(key)) edges.set(key, relative(root, file));
    }
  }
  return edges;
}

/** Cycles between folders: each strongly connected set of more than one folder. */
export function cycles(edges) {
  const next = new Map();
  for (const key of edges.keys()) {
    const [a, b] = key.split(' -> ');
    next.set(a, [...(next.get(a) ?? []), b]);
    if (!next.has(b)) next.set(b, []);
  }
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const set = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1) found.push(set.sort());
    }
  };
  for (const v of next.keys()) if (!idx.has(v)) visit(v);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const edges = graph();
  if (!quiet) for (const [key, file] of [...edges].sort()) console.log(`${key.padEnd(26)} e.g. ${file}`);
  const found = cycles(edges);
  for (const set of found) {
    console.log(`✘ cycle between ${set.join(', ')}:`);
    for (const [key, file] of edges) {
      const [a, b] = key.split(' -> ');
      if (set.includes(a) && set.includes(b)) console.log(`    ${key}  (${file})`);
    }
  }
  if (found.length === 0)
    console.log(
      `✓ no cycle between the ${new Set([...edges.keys()].flatMap((k) => k.split(' -> '))).size} folders of src/lib`
    );
  process.exit(found.length === 0 ? 0 : 1);
}
