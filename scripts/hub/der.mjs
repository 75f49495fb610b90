// The few ASN.1 DER shapes an X.509 certificate needs (RFC 5280), written by hand so the clinic CA needs no package.

/** One DER element: tag, definite length, contents. */
export function tlv(tag, contents) {
  const body = Buffer.concat(contents.map((c) => Buffer.from(c)));
  const n = body.length;
  let length;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes = [];
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, body]);
}

export const sequence = (...items) => tlv(0x30, items);
export const set = (...items) => tlv(0x31, items);
export const octetString = (bytes) => tlv(0x04, [bytes]);
export const utf8 = (text) => tlv(0x0c, [Buffer.from(text, 'utf8')]);
export const boolean = (value) => tlv(0x01, [Buffer.from([value ? 0xff : 0x00])]);
/** A BIT STRING whose last byte has `unused` padding bits. */
export const bitString = (bytes, unused = 0) => tlv(0x03, [Buffer.from([unused]), bytes]);
/** [n] EXPLICIT: the element wrapped in a context-specific constructed tag. */
export const explicit = (n, element) => tlv(0xa0 | n, [element]);
/** [n] IMPLICIT over a primitive value (SAN entries, key identifiers). */
export const implicit = (n, bytes) => tlv(0x80 | n, [bytes]);

/** A non-negative INTEGER from big-endian bytes or a small number (a leading 0 keeps it positive). */
export function integer(value) {
  let bytes = typeof value === 'number' ? Buffer.from([value]) : Buffer.from(value);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0 && bytes[start + 1] < 0x80) start++;
  bytes = bytes.subarray(start);
  if (bytes[0] >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, [bytes]);
}

export function oid(dotted) {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0] + parts[1]];
  for (const part of parts.slice(2)) {
    const digits = [];
    for (let rest = part; ; rest = Math.floor(rest / 128)) {
      digits.unshift((rest & 0x7f) | (digits.length ? 0x80 : 0));
      if (rest < 128) break;
    }
    out.push(...digits);
  }
  return tlv(0x06, [Buffer.from(out)]);
}

/** RFC 5280 §4.1.2.5: UTCTime up to 2049, GeneralizedTime from 2050. */
export function time(date) {
  const iso = date
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:T]/g, '');
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, [Buffer.from(iso.slice(2))])
    : tlv(0x18, [Buffer.from(iso)]);
}
