import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontBytesNode } from '../font-node';
import { cropMm, pdfPages, qpdfCheck, renderPixels, writePdf } from '../pdf-tools';
import { scanSerial } from '../scan-qr';
import { depositInput } from '../test-fixtures';
import { depositSlip } from './deposit-slip';

let font: Uint8Array;
beforeAll(async () => {
  font = await loadFontBytesNode();
});

describe('depositSlip', () => {
  it('prints the deposit on both the patient part and the clinic stub', () => {
    const result = depositSlip(depositInput(), font);
    expect(result.pageCount).toBe(1);
    expect(result.missingChars).toEqual([]);
    const file = writePdf('deposit.pdf', result.bytes);
    expect(qpdfCheck(file).status).toBe(0);
    const text = pdfPages(file)[0]!;
    for (const words of [
      '預り証',
      '預り証（控）',
      '山田 太郎',
      '3,000',
      '金参千円也',
      'A-0003',
      '髙橋',
      '﨑',
      '2025年11月15日 10:42',
      '2025年11月29日',
      '紛失',
      '署名'
    ]) {
      expect(text).toContain(words);
    }
    expect(text.match(/A-0003/g)).toHaveLength(2);
    expect(text.match(/山田 太郎/g)).toHaveLength(2);
  });

  it('a 自費 payment gets its お支払い控え: a payment, not a deposit, and never a 領収証', () => {
    const later = depositSlip(
      depositInput({ kind: 'selfPay', settleLater: true, amount: 10000, serial: 'A-0005' }),
      font
    );
    const text = pdfPages(writePdf('self-pay.pdf', later.bytes))[0]!;
    expect(later.missingChars).toEqual([]);
    for (const words of [
      'お支払い控え（自費）',
      '受領金額',
      '10,000',
      '差額をお返しします',
      '本控えは領収証ではありません'
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('預り金額');
    const final = pdfPages(
      writePdf('self-pay-final.pdf', depositSlip(depositInput({ kind: 'selfPay' }), font).bytes)
    )[0]!;
    expect(final).toContain('自費（全額）でのお支払いです');
    expect(final).not.toContain('差額をお返しします');
  });

  it('is quick enough to print at the counter', () => {
    depositSlip(depositInput(), font);
    const started = performance.now();
    depositSlip(depositInput({ serial: 'A-0004', amount: 10000 }), font);
    const ms = performance.now() - started;
    console.log(`deposit slip: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('normalises a typed serial so the QR code matches the records', () => {
    const result = depositSlip(depositInput({ serial: 'ａ－３' }), font);
    const file = writePdf('deposit-typed.pdf', result.bytes);
    expect(pdfPages(file)[0]).toContain('A-0003');
    const page = renderPixels(file, 1, 150);
    // Patient part (top right) and clinic stub (right, below the cut line).
    for (const region of [
      { x: 170, y: 5, w: 38, h: 38 },
      { x: 170, y: 150, w: 38, h: 38 }
    ]) {
      const scanned = scanSerial(cropMm(page, 150, region));
      expect(scanned.ok && scanned.value.text).toBe('A-0003');
    }
  });

  it('reports a name the font cannot print', () => {
    const result = depositSlip(depositInput({ patientName: '𠮷田 一郎' }), font);
    expect(result.missingChars).toEqual(['𠮷']);
    expect(pdfPages(writePdf('deposit-missing.pdf', result.bytes))[0]).toContain('〓田 一郎');
  });

  it('prints a long reason and a long clinic name in full, in smaller type rather than cut', () => {
    const reason =
      '資格確認端末が停止し、保険証も資格確認書もお持ちでなく、会計システムも止まっているため概算額をお預かりしました。後日、確定額との差額を精算します。';
    const clinicName = '医療法人社団 髙﨑会 さくら新町内科・小児科・皮膚科クリニック';
    const input = depositInput({ reason, clinic: { ...depositInput().clinic, name: clinicName } });
    const text = pdfPages(writePdf('deposit-long.pdf', depositSlip(input, font).bytes))[0]!;
    const flat = text.replace(/\s+/g, '');
    expect(flat.split('後日、確定額との差額を精算します。').length - 1).toBe(2);
    expect(flat).toContain('皮膚科クリニック');
  });

  it('prints other methods and the clinic’s own settlement words', () => {
    const result = depositSlip(
      depositInput({ method: '電子マネー', settleNote: '来週の再診時に精算します。', drill: true }),
      font
    );
    const text = pdfPages(writePdf('deposit-other.pdf', result.bytes))[0]!;
    expect(text).toContain('電子マネー');
    expect(text).toContain('来週の再診時に精算します。');
    expect(text).toContain('訓練');
  });
});
