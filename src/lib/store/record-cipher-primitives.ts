// The synchronous primitives under record-cipher.ts, in a chunk of their own: loaded at unlock, not with the first screen.
export { gcm } from '@noble/ciphers/aes.js';
export { hkdf } from '@noble/hashes/hkdf.js';
export { hmac } from '@noble/hashes/hmac.js';
export { sha256 } from '@noble/hashes/sha2.js';
export { bytesToHex } from '@noble/hashes/utils.js';
