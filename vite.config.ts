// Vite + Vitest configuration. Unit tests run in Node with fake-indexeddb standing in for the browser store.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { sendIsolation } from './scripts/build-files.mjs';

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null };

/**
 * One chunk for the app shell: every module the root layout imports statically. Every page loads all of
 * them anyway (each page renders inside the layout), but left alone the bundler cuts them into a chunk
 * per set of pages sharing a module: 27 files for the first screen, each one more request through the
 * service worker and one more gzip stream. Modules loaded with import() and each page's own stay apart.
 */
function shellChunk(): Plugin {
  const layout = fileURLToPath(new URL('./src/routes/+layout.svelte', import.meta.url));
  let shell: Set<string> | null = null;
  const closure = (graph: ModuleGraph) => {
    const seen = new Set<string>();
    const stack = [layout];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const info = seen.has(id) ? null : graph.getModuleInfo(id);
      if (!info) continue;
      seen.add(id);
      stack.push(...info.importedIds);
    }
    return seen;
  };
  return {
    name: 'tebikae:shell-chunk',
    // The browser's build only: the server build (prerendering) and the service worker are left alone.
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    buildStart() {
      shell = null;
    },
    outputOptions(options) {
      // A build told to make one file (Kit's single bundle strategy) stays one file.
      if (options.codeSplitting === false) return options;
      const name = (id: string, graph: ModuleGraph) => ((shell ??= closure(graph)).has(id) ? 'shell' : null);
      return { ...options, codeSplitting: { groups: [{ name }] } };
    }
  };
}

/**
 * write-excel-file's fflate with a zip() that never starts a Web Worker (src/lib/recovery/csv/fflate-no-workers.ts):
 * fflate makes its workers from blob: URLs, which the CSP (worker-src 'self') refuses, so a large .xlsx would
 * wait forever. Only that package's imports are redirected; jsPDF's fflate stays as it is.
 */
function fflateWithoutWorkers(): Plugin {
  const shim = fileURLToPath(new URL('./src/lib/recovery/csv/fflate-no-workers.ts', import.meta.url));
  return {
    name: 'tebikae:fflate-without-workers',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'fflate' && importer && /[\\/]write-excel-file[\\/]/.test(importer)) return shim;
      return null;
    }
  };
}

/**
 * `vite dev` and `vite preview` cross-origin isolated like the app's own servers (scripts/build-files.mjs), so
 * the journal waits for its writes there too. A middleware, not `server.headers`: SvelteKit answers pages
 * with its own middleware, which that option does not reach.
 */
function isolatedServers(): Plugin {
  // Returns nothing: a function returned from configureServer would be run as a later hook.
  const isolate = (server: {
    middlewares: { use(fn: (req: unknown, res: ServerResponse, next: () => void) => void): void };
  }): void => {
    server.middlewares.use((_req, res, next) => {
      sendIsolation(res);
      next();
    });
  };
  return { name: 'tebikae:isolated-servers', configureServer: isolate, configurePreviewServer: isolate };
}

export default defineConfig({
  plugins: [isolatedServers(), sveltekit(), shellChunk(), fflateWithoutWorkers()],
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
    testTimeout: 30000,
    // Through Vite like the app's build, so the tests see the fflate it gets (fflateWithoutWorkers).
    server: { deps: { inline: ['write-excel-file'] } }
  }
});
