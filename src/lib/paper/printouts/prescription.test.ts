import { spawnSync } from 'node:child_process';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { loadFontBytesNode } from '../font-node';
import { pdfText, pdfWords, renderPixels, renderPng, writePdf } from '../pdf-tools';
import { fromCp932, rxText, toCp932 } from '../../prescription/jahis-rx';
import { rxLine, testSheet } from '../../prescription/test-sheet';
import { prescription } from './prescription';

const font = await loadFontBytesNode();

/** Every QR on the page, as zbarimg reads it: a structured-append set comes back joined, as raw bytes. */
function zbarBytes(png: string): Uint8Array {
  // QR only (other symbologies see bars in the text), raw bytes; a page without a code gives none.
  const run = spawnSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', '-Sbinary', png]);
  return new Uint8Array(run.stdout);
}

describe('the printed 処方箋', () => {
  it('A5: one QR code a scanner reads back as the generated CP932 data', () => {
    const sheet = testSheet();
    const pdf = prescription(sheet, font);
    const file = writePdf('rx-a5.pdf', pdf.bytes);
    expect(pdf.symbolCount).toBe(1);
    expect(pdf.data).toBe(rxText(sheet));
    const { data, width, height } = renderPixels(file, 1, 300);
    const code = jsQR(data, width, height);
    expect(code).not.toBeNull();
    const expected = toCp932(rxText(sheet)).bytes;
    expect(Uint8Array.from(code?.binaryData ?? [])).toEqual(expected);
    // 髙 is outside JIS X 0208: the symbol carries ■ in its place (JAHIS 表3-4); the sheet prints 髙.
    expect(fromCp932(Uint8Array.from(code?.binaryData ?? []))).toContain('■橋 一郎');
    const zbar = zbarBytes(renderPng(file, 1, 300));
    expect(fromCp932(zbar).replace(/\n$/, '')).toBe(rxText(sheet).replace(/\n$/, ''));
  });

  it('pdftotext shows the fields 様式第二号 requires', () => {
    const sheet = testSheet({ refills: 2, splitParts: 3, remarks: '一包化' });
    const file = writePdf('rx-fields.pdf', prescription(sheet, font).bytes);
    const text = pdfText(file).replace(/[ \t]+/g, ' ');
    for (const expected of [
      '処 方 箋',
      '公費負担者番号',
      '54136015',
      '1234567',
      '保険者番号',
      '06139999',
      '１２３・４５６７（枝番 01）',
      '山田 花子',
      '昭和33年4月1日',
      '女',
      '被保険者',
      '被扶養者',
      '東京都千代田区霞が関1-2-2',
      '手控えクリニック',
      '03-1234-5678',
      '保険医氏名',
      '髙橋 一郎',
      '13 1 1234567',
      '交付年月日',
      '令和8年12月6日',
      '処方箋の使用期間',
      'アムロジピン錠 5㎎',
      '①ヒルドイドソフト軟膏',
      '変更不可',
      '患者希望',
      'リフィル可',
      '2回',
      '分割指示：3回に分割して調剤',
      '一包化',
      'R-0001'
    ])
      expect(text).toContain(expected);
  });

  it('the 変更不可 and 患者希望 heads stay inside their narrow columns on A5 (they overlapped in one line)', () => {
    const file = writePdf('rx-heads.pdf', prescription(testSheet(), font).bytes);
    const words = pdfWords(file);
    const find = (text: string) => words.find((w) => w.text === text);
    const left = find('交付年月日')!.xMin - 2; // the label sits 2 mm inside the frame's left edge
    const noChange = find('変更不可')!;
    const wish = find('患者希望')!;
    expect(noChange.xMin).toBeGreaterThanOrEqual(left);
    expect(noChange.xMax).toBeLessThan(wish.xMin);
    for (const part of ['（医療上', '必要）']) expect(find(part)!.xMax).toBeLessThan(wish.xMin);
  });

  it('A4 with many drugs: a structured-append set that joins back to the data', () => {
    const sheet = testSheet({
      paper: 'a4',
      lines: Array.from({ length: 24 }, (_, i) =>
        rxLine(`テスト薬${i + 1}髙錠`, { strength: '10㎎', usage: '1日3回 毎食後', noChange: i % 2 === 0 })
      )
    });
    const pdf = prescription(sheet, font);
    expect(pdf.symbolCount).toBeGreaterThan(1);
    const file = writePdf('rx-a4-set.pdf', pdf.bytes);
    const pages = pdf.pageCount;
    const read = Array.from({ length: pages }, (_, i) =>
      fromCp932(zbarBytes(renderPng(file, i + 1, 300)))
    ).join('');
    expect(read.replace(/\n$/, '')).toBe(rxText(sheet).replace(/\n$/, ''));
  });
});
