import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_WIDTH, MARGIN, Paper } from './engine';
import { loadFontBytesNode } from './font-node';
import { pdfFonts, pdfPages, qpdfCheck, writePdf } from './pdf-tools';
import { table } from './table';
import { clinic } from './test-fixtures';

let font: Uint8Array;
beforeAll(async () => {
  font = await loadFontBytesNode();
});

describe('Paper', () => {
  it('reports characters the font cannot draw and prints 〓 in their place', () => {
    const doc = new Paper({ font, clinic, drill: false, title: 't' });
    doc.flow('患者 𠮷田 花子 😀 髙橋 﨑');
    const result = doc.finish();
    // Sorted by code point: U+1F600 comes before U+20BB7.
    expect(result.missingChars).toEqual(['😀', '𠮷']);
    const [page] = pdfPages(writePdf('missing.pdf', result.bytes));
    expect(page).toContain('〓田 花子 〓 髙橋 﨑');
  });

  it('keeps the rest of a line after a missing character (jsPDF alone would cut it)', () => {
    const doc = new Paper({ font, clinic, drill: false, title: 't' });
    doc.text('前😀後ろも残る', MARGIN, 30);
    const [page] = pdfPages(writePdf('cut.pdf', doc.finish().bytes));
    expect(page).toContain('前〓後ろも残る');
  });

  it('puts the clinic name and page x / y on every page, and 訓練 on every page of a drill', () => {
    const doc = new Paper({ font, clinic, drill: true, title: 't' });
    doc.flow(Array.from({ length: 120 }, (_, i) => `行 ${i + 1}`).join('\n'), { size: 11 });
    const result = doc.finish();
    expect(result.pageCount).toBe(3);
    const file = writePdf('drill.pdf', result.bytes);
    const pages = pdfPages(file);
    expect(pages).toHaveLength(3);
    pages.forEach((text, i) => {
      expect(text).toContain(clinic.name);
      expect(text).toMatch(new RegExp(`${i + 1}\\s*/\\s*3`));
      expect(text).toContain('訓練');
    });
    expect(qpdfCheck(file).status).toBe(0);
  });

  it('embeds one font only: bold is the same font stroked', () => {
    const doc = new Paper({ font, clinic, drill: false, title: 't' });
    doc.text('太字', MARGIN, 30, { bold: true, underline: true, size: 14 });
    doc.text('普通', MARGIN, 40);
    const file = writePdf('bold.pdf', doc.finish().bytes);
    expect(pdfFonts(file)).toEqual(['NotoSansJP']);
    expect(pdfPages(file)[0]).toContain('太字');
  });

  it('repeats the table header on each page a table spans', () => {
    const doc = new Paper({ font, clinic, drill: false, title: 't' });
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `患者 ${i + 1}`, '3,000']);
    table(
      doc,
      [
        { header: '番号', width: 1 },
        { header: '氏名', width: 4 },
        { header: '金額', width: 2, align: 'right' }
      ],
      rows,
      { size: 10 }
    );
    const result = doc.finish();
    expect(result.pageCount).toBeGreaterThan(1);
    const pages = pdfPages(writePdf('table.pdf', result.bytes));
    for (const page of pages) expect(page).toMatch(/番号\s+氏名\s+金額/);
    expect(pages.join('\n')).toContain('患者 60');
  });

  it('wraps to the width it is given', () => {
    const doc = new Paper({ font, clinic, drill: false, title: 't' });
    const lines = doc.wrap('あ'.repeat(100), CONTENT_WIDTH, 10);
    // 10 pt full-width characters are 3.53 mm: 51 fit in 180 mm.
    expect(lines[0]).toHaveLength(51);
    expect(lines.join('')).toHaveLength(100);
  });
});
