// Which precached files an update takes away from pages still running the old version, and when they may go.
//
// A page that was not reloaded into a new version keeps running the old code, and loads the old
// code's chunks on demand (a route not opened yet). The new service worker precaches only its own
// files and Workbox deletes the rest when it activates, so such a page would break offline. The
// new worker copies the outgoing files aside at install ("retired"), notes which pages were open
// when it took over, and deletes the copies once none of those pages is open any more.

const REVISION_PARAM = '__WB_REVISION__';

/** The URL pages ask for: a precache key without Workbox's revision parameter. */
export function requestUrlOf(cacheKey: string): string {
  const url = new URL(cacheKey);
  url.searchParams.delete(REVISION_PARAM);
  return url.href;
}

/** Precache keys of the outgoing version that the incoming one does not keep. */
export function outgoingKeys(cached: readonly string[], incoming: ReadonlySet<string>): string[] {
  return cached.filter((key) => !incoming.has(key));
}

/** A retired batch can go once none of the pages that were open when it was retired is open. */
export function batchDone(holders: readonly string[], open: readonly string[]): boolean {
  const still = new Set(open);
  return !holders.some((id) => still.has(id));
}

/** A short stable name for a version: a hash (FNV-1a, 32 bits) of its precache keys. */
export function versionTag(keys: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const key of [...keys].sort()) {
    for (let i = 0; i < key.length; i++) {
      hash ^= key.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hash ^= 0x0a;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
