// Canonical JSON (keys sorted at every depth) and SHA-256 over it: the same records always give the same checksum.

export { canonicalJson, sameValue as sameContent } from '../../values';

/** SHA-256 of the UTF-8 text, as lowercase hex (Web Crypto: works offline, in the browser and in Node). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
