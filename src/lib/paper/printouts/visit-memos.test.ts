import { statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBytesNode } from '../font-node';
import { pdfPages, qpdfCheck, writePdf } from '../pdf-tools';
import { clinic, memo } from '../test-fixtures';
import { visitMemos } from './visit-memos';

let font: Uint8Array;
beforeAll(async () => {
  font = await loadFontBytesNode();
});

describe('visitMemos', () => {
  it('starts each memo on a new page with every SOAP field', () => {
    const memos = [memo(0), memo(1), memo(2)];
    const result = visitMemos({ clinic, drill: false, memos }, font);
    expect(result.pageCount).toBe(3);
    expect(result.missingChars).toEqual([]);
    const file = writePdf('memos.pdf', result.bytes);
    expect(qpdfCheck(file).status).toBe(0);
    const pages = pdfPages(file);
    pages.forEach((page, i) => {
      const m = memos[i]!;
      expect(page).toContain(`M-000${i + 1}`);
      expect(page).toContain(m.patientName);
      expect(page).toContain(m.subjective.chiefComplaint);
      expect(page).toContain(m.objective.bloodPressure);
      expect(page).toContain(m.plan.prescriptions[0]!.drug);
      expect(page).toContain('急性上気道炎（疑い）');
      expect(page).toMatch(/迅速抗原検査（インフルエンザ）（実施）/);
      expect(page).toContain(`修正 ${m.revisions} 回`);
      expect(page).toContain('医師 﨑田');
    });
  });

  it('continues a long memo on the next page and says so in the footer', () => {
    const long = memo(0);
    long.subjective.presentIllness = '経過を記載。'.repeat(900);
    const result = visitMemos({ clinic, drill: true, memos: [long, memo(1)] }, font);
    expect(result.pageCount).toBeGreaterThan(2);
    const pages = pdfPages(writePdf('memos-long.pdf', result.bytes));
    expect(pages.at(-1)).toContain('M-0002');
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`${i + 1}\\s*/\\s*${pages.length}`)));
    for (const page of pages) expect(page).toContain('訓練');
  });

  it('prints a page saying there is nothing to print', () => {
    const result = visitMemos({ clinic, drill: false, memos: [] }, font);
    expect(result.pageCount).toBe(1);
    expect(pdfPages(writePdf('memos-none.pdf', result.bytes))[0]).toContain('印刷する診療メモがありません');
  });

  it('prints 300 memos in one file (timing logged)', () => {
    const memos = Array.from({ length: 300 }, (_, i) => memo(i));
    const started = performance.now();
    const result = visitMemos({ clinic, drill: false, memos }, font);
    const ms = performance.now() - started;
    const file = writePdf('memos-300.pdf', result.bytes);
    console.log(
      `300 memos: ${ms.toFixed(0)} ms, ${(statSync(file).size / 1024 / 1024).toFixed(2)} MB, ${result.pageCount} pages`
    );
    expect(result.pageCount).toBeGreaterThanOrEqual(300);
    expect(qpdfCheck(file).status).toBe(0);
  });
});
