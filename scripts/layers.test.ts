// The layer rules fail a forbidden import and pass an allowed one, in both the $lib and the relative form;
// the cycle check finds a cycle it is given.
import { ESLint } from 'eslint';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerConfigs } from '../eslint.layers.js';
import { cycles } from './layers.mjs';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: ts.parser } }, ...layerConfigs()]
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it('store imports no domain, in either form', async () => {
    for (const spec of ['$lib/reception/repo', '../reception/repo', '$lib/vault/keyring']) {
      const found = await problems(
        'src/lib/store/example.ts',
        `import { x } from '${spec}';\nexport { x };\n`
      );
      expect(found.join('\n'), spec).toMatch(/no-restricted-imports: .*src\/lib\/store sits below/);
    }
  });

  it('ui imports no domain; a domain imports ui, store and the layers below it', async () => {
    expect(
      await problems('src/lib/ui/Example.ts', `import { x } from '../outage/model';\nexport { x };\n`)
    ).toHaveLength(1);
    expect(
      await problems(
        'src/lib/visits/example.ts',
        `import { a } from '../ui/x';\nimport { b } from '$lib/store';\nimport { c } from '../reception/model';\nexport { a, b, c };\n`
      )
    ).toEqual([]);
  });

  it('reception reads no memo or bill, visits and billing print nothing themselves, paper is below recovery', async () => {
    for (const [file, spec] of [
      ['src/lib/reception/repo.ts', '../visits/model'],
      ['src/lib/reception/repo.ts', '$lib/billing/repo'],
      ['src/lib/visits/MemoScreen.ts', '../paper/MemoPrint.svelte'],
      ['src/lib/billing/repo.ts', '../visits/model'],
      ['src/lib/paper/repo.ts', '../recovery/model'],
      ['src/lib/store/migrations/v9.ts', '../../vault/keyring']
    ])
      expect(
        await problems(file, `import { x } from '${spec}';\nexport { x };\n`),
        `${file} → ${spec}`
      ).toHaveLength(1);
  });

  it('a relative path is read from the file’s depth: a sibling messages file is not the vault', async () => {
    expect(
      await problems('src/lib/i18n/messages/en/vault.ts', `import { x } from '../vault';\nexport { x };\n`)
    ).toEqual([]);
  });

  it('only store opens IndexedDB; only paper imports jspdf', async () => {
    expect(
      await problems('src/lib/visits/x.ts', `import Dexie from 'dexie';\nexport { Dexie };\n`)
    ).toHaveLength(1);
    expect(await problems('src/lib/store/x.ts', `import Dexie from 'dexie';\nexport { Dexie };\n`)).toEqual(
      []
    );
    expect(
      await problems('src/lib/billing/x.ts', `import { jsPDF } from 'jspdf';\nexport { jsPDF };\n`)
    ).toHaveLength(1);
  });
});

describe('the cycle check', () => {
  it('finds folders that import each other through a third, and none in a one-way graph', () => {
    const edges = new Map([
      ['a -> b', 'x'],
      ['b -> c', 'x'],
      ['c -> a', 'x'],
      ['c -> d', 'x']
    ]);
    expect(cycles(edges)).toEqual([['a', 'b', 'c']]);
    edges.delete('c -> a');
    expect(cycles(edges)).toEqual([]);
  });
});
