// Every page and lazily loaded module loads the message catalogues it shows (no screen shows a bare key),
// the first screen loads only the shell's, and the check finds a gap it is given.
import { describe, expect, it } from 'vitest';
import { check } from './catalogues.mjs';

type Entry = { name: string; loads: string[]; missing: { problem: string; file: string }[] };
const gaps = (report: Entry[]) =>
  report.flatMap((e) => e.missing.map((m) => `${e.name}: ${m.problem} in ${m.file}`));
const entry = (report: Entry[], name: string) => report.find((e) => e.name === name);

describe('message catalogues', () => {
  it('every page and lazy module loads the catalogues of the keys its code holds', () => {
    expect(gaps(check())).toEqual([]);
  });

  it("the app shell (the first screen) loads only the shared words, the hub's state, the outage, settings and the vault", () => {
    expect(entry(check(), 'src/routes/+layout.svelte')?.loads).toEqual([
      'common.ts',
      'hub.ts',
      'outage.ts',
      'settings.ts',
      'vault.ts'
    ]);
  });

  it('finds a page that shows a key of a catalogue it does not import, and passes it once it does', () => {
    const page = (imports: string) =>
      `<script lang="ts">\n  ${imports}\n  import { t } from '$lib/i18n';\n</script>\n<h1>{t('reception.title')}</h1>\n`;
    const without = check({ 'src/routes/zz-example/+page.svelte': page('') });
    expect(gaps(without)).toEqual([
      'src/routes/zz-example/+page.svelte: lacks reception.ts (reception.title) in src/routes/zz-example/+page.svelte'
    ]);
    const withIt = check({
      'src/routes/zz-example/+page.svelte': page(`import '$lib/i18n/messages/reception';`)
    });
    expect(gaps(withIt)).toEqual([]);
  });

  it('a key built in a template counts by its prefix; a type-only import loads nothing', () => {
    const report = check({
      'src/routes/zz-example/+page.svelte': `<script lang="ts">\n  import type { ja } from '$lib/i18n/messages/reception';\n  import { t } from '$lib/i18n';\n  let s: keyof typeof ja | 'done' = 'done';\n</script>\n{t(\`reception.status.\${s}\`)}\n`
    });
    expect(gaps(report)).toEqual([
      'src/routes/zz-example/+page.svelte: lacks reception.ts (reception.status.…) in src/routes/zz-example/+page.svelte'
    ]);
  });

  it('a module loaded with import() brings its own catalogues, even if its page has them', () => {
    const report = check({
      'src/routes/zz-example/+page.svelte': `<script lang="ts">\n  import '$lib/i18n/messages/reception';\n</script>\n{#await import('$lib/reception/ZzLazy.svelte') then m}<m.default />{/await}\n`,
      'src/lib/reception/ZzLazy.svelte': `<script lang="ts">\n  import { t } from '../i18n';\n</script>\n{t('reception.title')}\n`
    });
    expect(gaps(report)).toEqual([
      'src/lib/reception/ZzLazy.svelte (lazy): lacks reception.ts (reception.title) in src/lib/reception/ZzLazy.svelte'
    ]);
  });

  it('app code never imports every catalogue at once (tests and the bench page only)', () => {
    const report = check({
      'src/routes/zz-example/+page.svelte': `<script lang="ts">\n  import '$lib/i18n/messages/all';\n</script>\n`
    });
    expect(gaps(report)).toEqual([
      'src/routes/zz-example/+page.svelte: imports all.ts (every catalogue: tests and the bench page only) in src/routes/zz-example/+page.svelte'
    ]);
  });
});
