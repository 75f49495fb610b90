// Lint rules, including the layer rules the code's shape depends on (eslint.layers.js: who may import whom; only lib/store imports dexie, only lib/paper jspdf).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { layerConfigs } from './eslint.layers.js';

export default ts.config(
  {
    ignores: [
      'build/',
      'build-*/',
      '.sk-*/',
      '.svelte-kit/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
      'bench/dist/',
      'bench/floor/',
      'deploy/',
      'hub-data/'
    ]
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-navigation-without-resolve': 'off'
    }
  },
  {
    // Shared state classes take timestamps (new Date()) as values, not as reactive state.
    files: ['**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.ts'],
    ignores: ['eslint.config.js', 'svelte.config.js'],
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['src/service-worker.ts', 'scripts/*.test.ts', 'scripts/hub/*.test.ts']
        },
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig
      }
    },
    rules: {
      // A forgotten await is a lost entry.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }]
    }
  },
  // Layers: who may import whom (eslint.layers.js).
  ...layerConfigs()
);
