// Every page is prerendered as a static shell and runs only in the browser (IndexedDB, service worker).
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'always';
