// Cross-origin isolation: the headers that let a page share memory with its journal worker.
//
// A keystroke's journal entry is written by a worker; the input handler waits for that write in shared
// memory (store/draft-journal.ts), which a browser allows only to a cross-origin isolated page. Isolation
// needs two response headers that a plain static host cannot be asked to send, so the service worker adds
// them to every file it serves (from its cache, offline included); the app's own servers send them too
// (scripts/build-files.mjs), so even the first visit is isolated. The app loads nothing from another origin
// (no CDN; the hub is proxied on the app's own origin), so require-corp blocks nothing of ours.
import { ISOLATION_HEADERS } from './isolation-headers.js';

export { ISOLATION_HEADERS };

/**
 * Whether a request's response decides isolation: a page's document, or a worker's script. Other files
 * of the same origin need no header under require-corp, and hub requests stream through untouched.
 */
export const decidesIsolation = (destination: string) =>
  ['document', 'iframe', 'frame', 'worker', 'sharedworker'].includes(destination);

/** The same response with the isolation headers; an opaque or error response is left as it is. */
export function isolated(response: Response): Response {
  if (response.type === 'opaque' || response.type === 'opaqueredirect' || response.status === 0)
    return response;
  if (Object.entries(ISOLATION_HEADERS).every(([name, value]) => response.headers.get(name) === value))
    return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
