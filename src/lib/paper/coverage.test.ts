import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { canPrint, FONT_SHA256, toPrintable, unprintableChars } from './coverage';
import { loadFontBytesNode } from './font-node';

describe('font coverage', () => {
  it('was generated from the font file that ships', async () => {
    const font = await loadFontBytesNode();
    expect(createHash('sha256').update(font).digest('hex')).toBe(FONT_SHA256);
  });

  it('agrees with the cmap jsPDF reads from the font, character for character', async () => {
    const font = await loadFontBytesNode();
    const pdf = new jsPDF();
    let binary = '';
    for (let i = 0; i < font.length; i += 0x8000)
      binary += String.fromCharCode(...font.subarray(i, i + 0x8000));
    pdf.addFileToVFS('f.ttf', binary);
    pdf.addFont('f.ttf', 'F', 'normal');
    pdf.setFont('F');
    const codeMap = (
      pdf.getFont() as unknown as { metadata: { cmap: { unicode: { codeMap: Record<number, number> } } } }
    ).metadata.cmap.unicode.codeMap;
    const mapped = new Set(
      Object.entries(codeMap)
        .filter(([, glyph]) => glyph > 0)
        .map(([cp]) => Number(cp))
    );
    const mismatches: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) if (canPrint(cp) !== mapped.has(cp)) mismatches.push(cp);
    expect(mismatches).toEqual([]);
  });

  it('covers the CP932 characters clinics meet in names and documents', () => {
    for (const ch of '髙﨑①㈱Ⅰ¬〜～−－‖∥№℃ｱｶﾞ〓¥＼亜熙') expect(canPrint(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('does not cover characters outside CP932', () => {
    for (const ch of ['𠮷', '😀', '𩸽', '\u00e9']) expect(canPrint(ch.codePointAt(0)!), ch).toBe(false);
  });

  it('replaces what it cannot draw with 〓 and lists it', () => {
    const result = toPrintable('𠮷野家 😀 OK');
    expect(result.text).toBe('〓野家 〓 OK');
    expect(result.missing).toEqual(['𠮷', '😀']);
  });

  it('keeps spacing characters as spaces instead of reporting them', () => {
    expect(toPrintable('a\tb\u00a0c\r\nd')).toEqual({ text: 'a b c\nd', missing: [] });
  });

  it('lists each unprintable character once for an input warning', () => {
    expect(unprintableChars('𠮷田 𠮷子')).toEqual(['𠮷']);
    expect(unprintableChars('髙橋 﨑子')).toEqual([]);
  });
});
