// Value rules every layer shares and none owns: equality of plain data, and what a telephone number looks like.

/** JSON with object keys sorted at every depth (undefined members dropped), so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** The one equality for plain data (records, form values): the same content, whatever the order of keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** A telephone number as typed after cleaning: digits, hyphens, brackets, spaces and +, 6 to 20 of them. */
export function isPhoneNumber(text: string): boolean {
  return /^[\d\-() +]{6,20}$/.test(text);
}
