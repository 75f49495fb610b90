// The names of an error and the errors it wraps (Dexie puts the cause in `inner`): what failure handling matches on.
export function errorNames(error: unknown): string[] {
  const out: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    if (typeof e === 'object' && e !== null && 'name' in e) out.push(String((e as { name: unknown }).name));
    e = typeof e === 'object' && e !== null && 'inner' in e ? (e as { inner: unknown }).inner : null;
  }
  return out;
}
