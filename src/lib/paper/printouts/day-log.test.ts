import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBytesNode } from '../font-node';
import { pdfPages, qpdfCheck, writePdf } from '../pdf-tools';
import { dayLogInput } from '../test-fixtures';
import { formatYen } from '../yen';
import { dayLog } from './day-log';

let font: Uint8Array;
beforeAll(async () => {
  font = await loadFontBytesNode();
});

describe('dayLog', () => {
  it('lists every arrival in order, across pages with the header repeated, and the totals', () => {
    const input = dayLogInput(70);
    const result = dayLog(input, font);
    expect(result.missingChars).toEqual([]);
    expect(result.pageCount).toBeGreaterThan(1);
    const file = writePdf('daylog.pdf', result.bytes);
    expect(qpdfCheck(file).status).toBe(0);
    const pages = pdfPages(file);
    for (const page of pages.slice(0, -1))
      expect(page).toMatch(/番号\s+受付\s+氏名\s+区分\s+状態\s+メモ\s+会計\s+金額/);
    const text = pages.join('\n');
    let last = -1;
    for (const row of input.rows) {
      const at = text.indexOf(row.patientName, last + 1);
      expect(at, row.patientName).toBeGreaterThan(last);
      last = at;
    }
    const total = input.rows.reduce((sum, r) => sum + (r.amount ?? 0), 0);
    expect(text).toContain(`${formatYen(total)} 円`);
    expect(text).toContain('受付 70 件');
    expect(text).toContain('後日精算');
  });

  it('says so when nobody came', () => {
    const result = dayLog({ ...dayLogInput(0), drill: true }, font);
    expect(result.pageCount).toBe(1);
    const text = pdfPages(writePdf('daylog-empty.pdf', result.bytes))[0]!;
    expect(text).toContain('受付はありません');
    expect(text).toContain('訓練');
  });
});
