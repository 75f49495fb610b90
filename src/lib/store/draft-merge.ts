// Three-way merge of a form's top-level fields, so two tabs editing one draft keep each other's work.

export interface MergeResult<T> {
  merged: T;
  /** Fields both sides changed differently since the common base: kept as mine until the user chooses. */
  conflicts: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeDraft<T extends object>(base: T, mine: T, theirs: T): MergeResult<T> {
  const merged: Record<string, unknown> = { ...(mine as Record<string, unknown>) };
  const conflicts: string[] = [];
  const b = base as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  const th = theirs as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(th)]);
  for (const key of keys) {
    if (same(m[key], th[key])) continue;
    if (same(m[key], b[key])) merged[key] = th[key];
    else if (!same(th[key], b[key])) conflicts.push(key);
  }
  return { merged: merged as T, conflicts };
}

/** Take the other side's value for the given fields (the user chose theirs). */
export function takeFields<T extends object>(mine: T, theirs: T, fields: string[]): T {
  const out: Record<string, unknown> = { ...(mine as Record<string, unknown>) };
  for (const f of fields) out[f] = (theirs as Record<string, unknown>)[f];
  return out as T;
}
