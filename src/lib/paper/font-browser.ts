// Fetches the print font (precached for offline use) when a PDF is first made, never at page load.
// The build ships it gzip-compressed (scripts/pack-font.mjs): inflated here with the platform's
// DecompressionStream. A server that already decoded it (Content-Encoding: gzip) hands over the TTF.
import { asset } from '$app/paths';
import { fail, ok, type Result } from '../result';
// Loaded lazily from several screens: it brings the words of its own errors.
import '../i18n/messages/paper';

const FONT_PATH = '/fonts/NotoSansJP-subset.ttf.gz';

/** gzip's magic bytes. */
const isGzip = (b: Uint8Array) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
/** A TrueType font starts with 0x00010000 (or 'true'). */
const isTrueType = (b: Uint8Array) =>
  b.length > 4 &&
  ((b[0] === 0 && b[1] === 1 && b[2] === 0 && b[3] === 0) ||
    (b[0] === 0x74 && b[1] === 0x72 && b[2] === 0x75 && b[3] === 0x65));

export async function inflateFont(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function loadFontBytes(fetcher: typeof fetch = fetch): Promise<Result<Uint8Array>> {
  try {
    const response = await fetcher(new URL(asset(FONT_PATH), location.href));
    if (!response.ok)
      return fail({ key: 'paper.error.fontLoad', values: { detail: `HTTP ${response.status}` } });
    const font = await inflateFont(new Uint8Array(await response.arrayBuffer()));
    if (!isTrueType(font)) return fail({ key: 'paper.error.fontLoad', values: { detail: 'not a font' } });
    return ok(font);
  } catch (error) {
    return fail({
      key: 'paper.error.fontLoad',
      values: { detail: error instanceof Error ? error.message : String(error) }
    });
  }
}
