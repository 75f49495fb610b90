// `npm test`: type check, lint, unit tests, build, browser tests; ends with one line "N passed, N failed" for all suites.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;
const started = Date.now();

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function step(label, cmd, args) {
  // A check that is not a test suite counts as one test: it passed or it failed.
  if (run(label, cmd, args)) passed += 1;
  else {
    failed += 1;
    console.log(`✘ ${label} failed`);
  }
}

function countVitest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTests ?? 0)
  };
}

function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const s = report.stats ?? {};
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) };
}

function suite(label, cmd, args, file, count) {
  rmSync(file, { force: true });
  const okExit = run(label, cmd, args);
  const c = count(file);
  if (!c) {
    failed += 1;
    console.log(`✘ ${label}: no report`);
    return;
  }
  passed += c.passed;
  failed += c.failed;
  if (!okExit && c.failed === 0) failed += 1;
}

// Debian's Chromium, poppler and qpdf, installed with apt if this machine lacks them.
if (!run('system packages', 'bash', ['scripts/system-deps.sh'])) {
  console.log('✘ system packages could not be installed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
step('type check', 'npx', ['svelte-kit', 'sync']);
passed -= 1;
step('svelte-check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
step('lint', 'npm', ['run', 'lint', '--silent']);
step('layers (no import cycle between the folders of src/lib)', 'node', ['scripts/layers.mjs', '--quiet']);
suite(
  'unit tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
  'test-results/unit.json',
  countVitest
);
step('build', 'npm', ['run', 'build', '--silent']);
suite('browser tests', 'npx', ['playwright', 'test'], 'test-results/e2e.json', countPlaywright);

console.log(`\nnpm test took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
