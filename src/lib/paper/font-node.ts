// Reads the print font from fonts/ in Node (tests, scripts); the browser fetches it with font-browser.ts.
import { readFile } from 'node:fs/promises';

export const FONT_URL = new URL('../../../fonts/NotoSansJP-subset.ttf', import.meta.url);

export async function loadFontBytesNode(url: URL = FONT_URL): Promise<Uint8Array> {
  return new Uint8Array(await readFile(url));
}
