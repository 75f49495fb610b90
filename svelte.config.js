// SvelteKit configuration: a fully prerendered static SPA with a CSP that allows only this origin.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Several builds can run side by side (parallel work trees of tests): TEBIKAE_BUILD names the output folder.
const buildDir = process.env.TEBIKAE_BUILD ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
    outDir: buildDir === 'build' ? '.svelte-kit' : `.sk-${buildDir}`,
    // We register the service worker ourselves with workbox-window, so updates wait for the user.
    serviceWorker: { register: false },
    // Absolute asset paths: the service worker's fallback shell must work at any URL depth.
    paths: { relative: false },
    version: { pollInterval: 0 },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'frame-src': ['self', 'blob:'],
        'media-src': ['self', 'blob:', 'mediastream:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'manifest-src': ['self']
      }
    }
  }
};

export default config;
