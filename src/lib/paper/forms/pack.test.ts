import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBytesNode } from '../font-node';
import type { FormKind } from '../model';
import { cropMm, pdfPages, qpdfCheck, renderPixels, writePdf } from '../pdf-tools';
import { scanSerial } from '../scan-qr';
import { clinic } from '../test-fixtures';
import { formPack, MAX_PACK } from './pack';
import { sheet } from './sheet';

let font: Uint8Array;
beforeAll(async () => {
  font = await loadFontBytesNode();
});

const KINDS: [FormKind, string, string][] = [
  ['arrivalSlip', 'U', '受付票'],
  ['intake', 'Q', '問診票'],
  ['visitMemo', 'M', '診療メモ'],
  ['depositSlip', 'D', '預り証'],
  ['eligibility', 'S', '被保険者資格申立書']
];

describe('form packs', () => {
  it.each(KINDS)('prints a pack of 20 %s forms, one page each with its own serial', (kind, prefix, title) => {
    const result = formPack({ kind, clinic, drill: false, start: 1, count: 20 }, font);
    expect(result.pageCount).toBe(20);
    expect(result.missingChars).toEqual([]);
    const file = writePdf(`pack-${kind}.pdf`, result.bytes);
    expect(qpdfCheck(file).status).toBe(0);
    const pages = pdfPages(file);
    expect(pages).toHaveLength(20);
    pages.forEach((page, i) => {
      expect(page).toContain(title);
      expect(page).toContain(`${prefix}-${String(i + 1).padStart(4, '0')}`);
      expect(page).toContain(clinic.name);
      expect(page).toContain(clinic.phone);
    });
  });

  it('starts from the number asked for', () => {
    const result = formPack({ kind: 'depositSlip', clinic, drill: false, start: 41, count: 2 }, font);
    const pages = pdfPages(writePdf('pack-41.pdf', result.bytes));
    expect(pages[0]).toContain('D-0041');
    expect(pages[1]).toContain('D-0042');
  });

  it('prints QR codes a camera can read back to the serial', () => {
    const result = formPack({ kind: 'arrivalSlip', clinic, drill: false, start: 7, count: 1 }, font);
    const page = renderPixels(writePdf('qr.pdf', result.bytes), 1, 150);
    // The header's code (top right) and the ticket's (bottom right), each framed as a phone would.
    for (const region of [
      { x: 165, y: 5, w: 40, h: 40 },
      { x: 165, y: 215, w: 40, h: 40 }
    ]) {
      const scanned = scanSerial(cropMm(page, 150, region));
      expect(scanned.ok && scanned.value.text).toBe('U-0007');
    }
  });

  it('prints the fields the forms promise', () => {
    const text = (kind: FormKind) =>
      pdfPages(
        writePdf(`one-${kind}.pdf`, formPack({ kind, clinic, drill: false, start: 1, count: 1 }, font).bytes)
      )[0]!;
    expect(text('intake')).toMatch(
      /体温[\s\S]*アレルギー[\s\S]*お薬手帳[\s\S]*妊娠[\s\S]*医師に伝えたいこと/
    );
    expect(text('visitMemo')).toMatch(
      /主訴[\s\S]*現病歴[\s\S]*SpO2[\s\S]*呼吸数[\s\S]*病名・疑い[\s\S]*薬剤名[\s\S]*院内\/院外[\s\S]*保留[\s\S]*紹介状[\s\S]*記載者/
    );
    expect(text('depositSlip')).toMatch(/預り証[\s\S]*紛失[\s\S]*預り証（控）[\s\S]*署名/);
    expect(text('eligibility')).toMatch(
      /保険者番号[\s\S]*枝番[\s\S]*一部負担金の割合[\s\S]*勤務先[\s\S]*申し立てたものです[\s\S]*申立日[\s\S]*署名/
    );
  });

  it('stamps 訓練 on every page of a drill pack', () => {
    const result = formPack({ kind: 'intake', clinic, drill: true, start: 1, count: 3 }, font);
    for (const page of pdfPages(writePdf('pack-drill.pdf', result.bytes))) expect(page).toContain('訓練');
  });

  it('refuses sizes the UI should not allow', () => {
    expect(() => formPack({ kind: 'intake', clinic, drill: false, start: 1, count: 0 }, font)).toThrow(
      RangeError
    );
    expect(() =>
      formPack({ kind: 'intake', clinic, drill: false, start: 1, count: MAX_PACK + 1 }, font)
    ).toThrow(RangeError);
    expect(() => formPack({ kind: 'intake', clinic, drill: false, start: 0, count: 1 }, font)).toThrow(
      RangeError
    );
  });
});

describe('sheets', () => {
  it('prints the waiting-room notice in Japanese and English', () => {
    const result = sheet('waitingNotice', { clinic, drill: false }, font);
    expect(result.pageCount).toBe(1);
    expect(result.missingChars).toEqual([]);
    const file = writePdf('notice.pdf', result.bytes);
    expect(qpdfCheck(file).status).toBe(0);
    const text = pdfPages(file)[0]!;
    for (const words of [
      '電子カルテ',
      'Our computer system is currently down',
      'マイナ保険証',
      '資格確認書',
      'お薬手帳',
      'medicine notebook'
    ]) {
      expect(text).toContain(words);
    }
  });

  it('prints the staff outage card on one page, from declaring to purging', () => {
    const result = sheet('outageCard', { clinic, drill: false }, font);
    expect(result.pageCount).toBe(1);
    expect(result.missingChars).toEqual([]);
    const text = pdfPages(writePdf('card.pdf', result.bytes))[0]!;
    expect(text).toMatch(
      /停止を宣言する[\s\S]*受付する[\s\S]*預り証[\s\S]*書き出す[\s\S]*後入力する[\s\S]*精算する[\s\S]*消去する/
    );
  });
});

describe('the 受付票 says how eligibility was shown in the words of 2026', () => {
  it('offers 資格確認書 and マイナ＋お知らせ (the notice never alone), each option printed in full on one line', async () => {
    const result = formPack({ kind: 'arrivalSlip', clinic, drill: false, start: 1, count: 1 }, font);
    const [page] = pdfPages(writePdf('pack-arrival-2026.pdf', result.bytes));
    const line = page!.split('\n').find((l) => l.includes('マイナ保険証')) ?? '';
    for (const option of ['マイナ保険証', 'マイナ＋お知らせ', '資格確認書', '保険証', '未提示'])
      expect(line, option).toContain(option);
    expect(page).not.toMatch(/□\s*資格情報のお知らせ/);
  });
});

describe('the 預り証 is not a receipt', () => {
  it('says so on the patient’s part, above the cut line', () => {
    const result = formPack({ kind: 'depositSlip', clinic, drill: false, start: 1, count: 1 }, font);
    const [page] = pdfPages(writePdf('pack-deposit-not-receipt.pdf', result.bytes));
    const text = page!.replace(/\s+/g, '');
    const said = text.indexOf('本証は領収証ではありません。精算時に領収証・明細書をお渡しします。');
    expect(said).toBeGreaterThan(-1);
    expect(said).toBeLessThan(text.indexOf('切り取り線'));
  });
});
