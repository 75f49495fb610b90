// Vite + Vitest configuration. Unit tests run in Node with fake-indexeddb standing in for the browser store.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [sveltekit()],
  resolve: {
    alias: [
      // jsPDF's optional HTML/SVG helpers are never used: keep them out of the build and the precache.
      ...['html2canvas', 'canvg', 'dompurify'].map((find) => ({
        find,
        replacement: fileURLToPath(new URL('./src/lib/paper/jspdf-optional.ts', import.meta.url))
      })),
      // encoding-japanese's JIS X 0212 table (EUC-JP only; CP932 has none of it): see the stand-in.
      {
        find: /^\.\/utf8-to-jisx0212-table(\.js)?$/,
        replacement: fileURLToPath(new URL('./src/lib/recovery/csv/jisx0212-none.cjs', import.meta.url))
      }
    ]
  },
  server: { host: '127.0.0.1' },
  build: { chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/test-setup.ts'],
    testTimeout: 30000
  }
});
