import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { inflateFont } from './font-browser';
import { loadFontBytesNode } from './font-node';

describe('the print font as shipped', () => {
  it('is inflated from the gzip the build ships, byte for byte', async () => {
    const ttf = await loadFontBytesNode();
    const shipped = new Uint8Array(gzipSync(ttf, { level: 9 }));
    expect(shipped.length).toBeLessThan(ttf.length * 0.7);
    const inflated = await inflateFont(shipped);
    expect(inflated.length).toBe(ttf.length);
    expect(Buffer.from(inflated).equals(Buffer.from(ttf))).toBe(true);
  });

  it('is taken as it is when the server already decoded it', async () => {
    const ttf = await loadFontBytesNode();
    expect(await inflateFont(ttf)).toBe(ttf);
  });
});
