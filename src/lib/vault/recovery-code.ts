// The recovery code (回復コード): 24 random characters in six groups of four, easy to write down and type back.
// Crockford's base32 alphabet: no I, L, O or U, so 0/O and 1/I/L cannot be confused when read back.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_LENGTH = 24;

/** A new code from `random` (24 bytes; 5 bits used from each: 120 bits in all). */
export function newRecoveryCode(
  random: Uint8Array = crypto.getRandomValues(new Uint8Array(RECOVERY_CODE_LENGTH))
): string {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) code += ALPHABET[random[i]! & 31];
  return formatRecoveryCode(code);
}

/** Groups of four with hyphens, as printed and shown. */
export function formatRecoveryCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * The code as typed back: case, spaces, hyphens and full-width characters ignored; O read as 0 and
 * I or L as 1. Null when it cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const text = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-ー－‐]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (text.length !== RECOVERY_CODE_LENGTH) return null;
  for (const c of text) if (!ALPHABET.includes(c)) return null;
  return text;
}
