// Lint rules, including the layer rules the code's shape depends on (only lib/store imports dexie, only lib/paper jspdf).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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
      'deploy/'
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
        projectService: { allowDefaultProject: ['src/service-worker.ts'] },
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
  {
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/lib/store opens IndexedDB.' }],
          patterns: [{ group: ['jspdf', 'jspdf/*'], message: 'Only src/lib/paper imports jspdf.' }]
        }
      ]
    }
  },
  {
    files: ['src/lib/paper/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Only src/lib/store opens IndexedDB.' }] }
      ]
    }
  },
  {
    files: ['src/lib/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/lib/store opens IndexedDB.' }],
          patterns: [
            {
              group: [
                '../outage/*',
                '../patients/*',
                '../reception/*',
                '../visits/*',
                '../billing/*',
                '../paper/*',
                '../recovery/*',
                '../settings/*',
                '../vault/*'
              ],
              message: 'lib/ui is generic: it imports no domain.'
            }
          ]
        }
      ]
    }
  }
);
