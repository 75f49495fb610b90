// The layers of src/lib, bottom first, as lint rules: a folder imports only from layers below its own,
// never from its own layer's other folders nor from above. Matched as `$lib/...` paths and as relative
// ones. scripts/layers.mjs checks the whole graph for cycles (.svelte files included) in `npm test`.
export const layers = [
  ['i18n'], // messages in Japanese and English
  ['store'], // the only code that opens IndexedDB, and seals what it writes
  ['ui'], // generic components: no domain
  ['prescription'], // 院外処方箋: the JAHIS 2D-symbol records, pure rules the timeline, paper and recovery name
  ['settings'],
  ['outage'],
  ['patients', 'vault', 'pwa', 'medication'], // medication: お薬手帳 (JAHIS) reading and allergy name matches
  ['reception', 'fixtures'],
  ['visits', 'billing'],
  ['paper'], // printouts of every domain: depends on the domain models, never the other way
  ['recovery'], // after the outage: reads everything
  ['hub'] // the clinic hub: every device's records, sealed, through CouchDB replication
];

const dexie = { name: 'dexie', message: 'Only src/lib/store opens IndexedDB.' };
const jspdf = { group: ['jspdf', 'jspdf/*'], message: 'Only src/lib/paper imports jspdf.' };

/**
 * Import patterns that reach a folder of src/lib from a file `depth` folders below src/lib/<folder>/
 * (depth 1: src/lib/x/a.ts; 2: src/lib/x/y/a.ts): the relative form depends on the depth, so
 * '../vault' inside src/lib/i18n/messages/en/ (its sibling messages file) is not the vault.
 */
export function folderPatterns(folder, depth) {
  const up = Array(depth).fill('..').join('/');
  return [`$lib/${folder}`, `$lib/${folder}/**`, `${up}/${folder}`, `${up}/${folder}/**`];
}

const DEPTHS = [1, 2, 3];

/** Flat-config objects: one per folder of src/lib (plus the routes and the rest), each with its forbidden imports. */
export function layerConfigs() {
  const configs = [
    {
      files: ['src/**/*.ts', 'src/**/*.svelte'],
      // store's and paper's own tests use dexie and jspdf directly.
      ignores: ['src/lib/store/**', 'src/lib/paper/**'],
      rules: { 'no-restricted-imports': ['error', { paths: [dexie], patterns: [jspdf] }] }
    }
  ];
  layers.forEach((layer, level) => {
    for (const folder of layer)
      for (const depth of DEPTHS) {
        const forbidden = [...layer.filter((f) => f !== folder), ...layers.slice(level + 1).flat()];
        const within = `src/lib/${folder}/${'*/'.repeat(depth - 1)}`;
        configs.push({
          files: [`${within}*.ts`, `${within}*.svelte`],
          // A unit test sits above every layer: it may import whatever it checks.
          ignores: ['**/*.test.ts'],
          rules: {
            'no-restricted-imports': [
              'error',
              {
                paths: folder === 'store' ? [] : [dexie],
                patterns: [
                  ...(folder === 'paper' ? [] : [jspdf]),
                  ...(forbidden.length > 0
                    ? [
                        {
                          group: forbidden.flatMap((f) => folderPatterns(f, depth)),
                          message: `src/lib/${folder} sits below ${forbidden.join(', ')} (see eslint.layers.js): pass what it needs in from above instead.`
                        }
                      ]
                    : [])
                ]
              }
            ]
          }
        });
      }
  });
  return configs;
}
