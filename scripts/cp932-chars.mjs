// The characters the PDF font must cover: CP932 (Windows-31J) decoded byte by byte, their JIS look-alikes, and ASCII.

/**
 * CP932 maps some JIS X 0208 cells to different code points than JIS does (0x8160 → U+FF5E, not
 * U+301C). Text typed on a Mac or pasted from the web uses the JIS ones, so both must print.
 */
export const JIS_LOOKALIKES = '〜−‖¢£¬—‾¥–';

/** Every code point reachable by a 1- or 2-byte CP932 sequence, except the private-use (外字) area. */
export function cp932CodePoints() {
  let decoder;
  try {
    // WHATWG's Shift_JIS decoder is Windows-31J (NEC and IBM extensions included).
    decoder = new TextDecoder('shift_jis', { fatal: true });
  } catch {
    throw new Error('This Node.js has no Shift_JIS decoder (built without full ICU).');
  }
  const points = new Set();
  const add = (bytes) => {
    let text;
    try {
      text = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return; // unassigned sequence
    }
    const chars = [...text];
    if (chars.length !== 1) return;
    const cp = chars[0].codePointAt(0);
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return; // control codes
    if (cp >= 0xe000 && cp <= 0xf8ff) return; // user-defined area: no standard glyph
    points.add(cp);
  };
  for (let b = 0; b <= 0xff; b++) add([b]);
  const leads = [...range(0x81, 0x9f), ...range(0xe0, 0xfc)];
  const trails = [...range(0x40, 0x7e), ...range(0x80, 0xfc)];
  for (const lead of leads) for (const trail of trails) add([lead, trail]);
  return points;
}

/** The whole repertoire the subset font is asked for, as a sorted array of code points. */
export function wantedCodePoints() {
  const points = cp932CodePoints();
  for (let cp = 0x20; cp <= 0x7e; cp++) points.add(cp);
  for (const ch of JIS_LOOKALIKES) points.add(ch.codePointAt(0));
  return [...points].sort((a, b) => a - b);
}

function* range(from, to) {
  for (let i = from; i <= to; i++) yield i;
}
