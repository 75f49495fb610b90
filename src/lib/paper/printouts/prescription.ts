// The 院外処方箋 laid out after 様式第二号 (A5 or A4), with the JAHIS 2D symbol data in one QR code or a
// structured-append set of them, so a pharmacy's scanner reads what the doctor wrote instead of re-typing it.
import { formatWareki } from '../../patients/wareki';
// wareki.ts holds the keys of its parse errors: the lazily loaded printout brings their catalogue.
import '../../i18n/messages/patients';
import { fromCp932, rxText, splitSymbols, toCp932 } from '../../prescription/jahis-rx';
import { lastValidDay, writtenLines, type RxSheet } from '../../prescription/model';
import { printedDose } from '../../prescription/rx-fields';
import { checkbox, labelledBox, LABEL_SIZE } from '../boxes';
import { Paper } from '../engine';
import type { FontBytes, PdfResult } from '../model';
import { drawQrMatrix } from '../qr';
import { qrMatrixOfBytes } from '../qr-bytes';

/** Printed words: the form is Japanese by law (保険医療機関及び保険医療養担当規則 様式第二号). */
const T = {
  title: '処　方　箋',
  anyPharmacy: '（この処方箋は、どの保険薬局でも有効です。）',
  publicPayer: '公費負担者番号',
  publicRecipient: '公費負担医療の受給者番号',
  insurer: '保険者番号',
  cardNumber: '被保険者証・被保険者手帳の記号・番号（枝番）',
  patient: '患者',
  name: '氏名',
  birth: '生年月日',
  sex: { M: '男', F: '女', O: 'その他', '': '' },
  relation: { insured: '被保険者', dependent: '被扶養者' },
  clinic: '保険医療機関の所在地及び名称',
  phone: '電話番号',
  doctor: '保険医氏名',
  seal: '印',
  clinicCode: '都道府県番号・点数表番号・医療機関コード',
  issued: '交付年月日',
  validity: '処方箋の使用期間',
  validityNote: '特に記載のある場合を除き、交付の日を含めて4日以内に保険薬局に提出すること。',
  rx: '処方',
  /** Column heads, a line each: the columns are 9 mm wide on A5, too narrow for one line. */
  noChange: ['変更不可', '（医療上', '必要）'],
  patientWish: ['患者希望'],
  noChangeNote:
    '個々の処方薬について、医療上の必要性があるため後発医薬品（ジェネリック医薬品）への変更に差し支えがあると判断した場合には「変更不可」欄に「レ」又は「×」を記載し、「保険医署名」欄に署名又は記名・押印すること。また、患者の希望を踏まえ、先発医薬品を処方した場合には「患者希望」欄に「レ」又は「×」を記載すること。',
  refill: 'リフィル可',
  times: '回',
  remarks: '備考',
  split: '分割指示',
  pharmacy: '保険薬局の所在地及び名称・保険薬剤師氏名',
  dispensedOn: '調剤済年月日',
  symbol: '2次元シンボル（JAHIS 院外処方せん2次元シンボル記録条件規約）',
  symbolPart: (i: number, n: number) => `${i}/${n}`,
  serial: '処方箋番号'
} as const;

/** U+3000, the full-width space a handwritten form leaves between parts. */
const IDEOGRAPHIC_SPACE = '\u3000';

const day = (iso: string) => formatWareki(iso) ?? iso;

/** The QR data as it will be printed: the text, its CP932 bytes cut into symbols, and what CP932 lacks. */
export function prescriptionSymbols(sheet: RxSheet) {
  const text = rxText(sheet);
  const { bytes, missing } = toCp932(text);
  const symbols = splitSymbols(bytes);
  return { text, bytes, missing, symbols };
}

export interface PrescriptionPdf extends PdfResult {
  /** The data in the QR code(s), as the pharmacy's reader decodes it. */
  data: string;
  symbolCount: number;
}

export function prescription(sheet: RxSheet, font: FontBytes): PrescriptionPdf {
  const doc = new Paper({
    font,
    clinic: {
      name: sheet.clinic.name,
      address: sheet.clinic.address,
      phone: sheet.clinic.phone,
      medicalInstitutionCode: sheet.clinic.code
    },
    drill: sheet.drill,
    title: `処方箋 ${sheet.serial}`,
    format: sheet.paper
  });
  const a5 = sheet.paper === 'a5';
  const x0 = a5 ? 10 : 15;
  const w = doc.pageWidth - 2 * x0;
  const row = a5 ? 8.5 : 10;
  const half = w / 2;
  let y = a5 ? 10 : 14;

  doc.text(T.title, doc.pageWidth / 2, y + 5, { size: a5 ? 15 : 18, bold: true, align: 'center' });
  doc.text(`${T.serial} ${sheet.serial}`, x0 + w, y + 4, { size: 8, align: 'right' });
  y += a5 ? 7.5 : 9;
  doc.text(T.anyPharmacy, doc.pageWidth / 2, y + 2.5, { size: 7, align: 'center' });
  y += 4;

  // 公費 and 保険 numbers.
  const ins = sheet.insurance;
  const pub = ins.publics.find((p) => p.payerNo.trim() !== '');
  labelledBox(doc, x0, y, half, row, T.publicPayer, pub?.payerNo ?? '');
  labelledBox(doc, x0 + half, y, half, row, T.insurer, ins.insurerNo);
  y += row;
  const card =
    [ins.symbol, ins.number].filter((s) => s.trim()).join('・') +
    (ins.branch ? `（枝番 ${ins.branch}）` : '');
  labelledBox(doc, x0, y, half, row, T.publicRecipient, pub?.recipientNo ?? '');
  labelledBox(doc, x0 + half, y, half, row, T.cardNumber, card);
  y += row;

  // 患者 (left) and 保険医療機関 (right).
  const p = sheet.patient;
  const block = row * 4;
  doc.rect(x0, y, half, block, { width: 0.25 });
  doc.text(T.patient, x0 + 1.5, y + 3.3, { size: LABEL_SIZE, gray: 60 });
  doc.text(T.name, x0 + 1.5, y + 8.5, { size: LABEL_SIZE, gray: 60 });
  doc.block(p.name, x0 + 10, y + 4.5, half - 12, { size: a5 ? 11 : 12 });
  if (p.kana) doc.text(p.kana, x0 + 10, y + row + 5.5, { size: 7, gray: 60 });
  doc.text(T.birth, x0 + 1.5, y + row * 2 + 4, { size: LABEL_SIZE, gray: 60 });
  doc.text(day(p.birthDate), x0 + 14, y + row * 2 + 4, { size: 9 });
  doc.text(T.sex[p.sex], x0 + half - 2, y + row * 2 + 4, { size: 9, align: 'right' });
  let cx = x0 + 1.5;
  for (const rel of ['insured', 'dependent'] as const)
    cx += checkbox(doc, cx, y + row * 3 + 4.5, T.relation[rel], ins.relation === rel, 8) + 3;

  const rx = x0 + half;
  doc.rect(rx, y, half, block, { width: 0.25 });
  doc.text(T.clinic, rx + 1.5, y + 3.3, { size: LABEL_SIZE, gray: 60 });
  const place = doc.block(`${sheet.clinic.address}\n${sheet.clinic.name}`, rx + 2, y + 4.3, half - 4, {
    size: a5 ? 8 : 9
  });
  const phoneY = Math.max(y + row * 2 - 1, y + 4.3 + place + 3);
  doc.text(`${T.phone} ${sheet.clinic.phone}`, rx + 2, phoneY, { size: 8 });
  const doctorY = y + row * 3 - 1;
  doc.text(T.doctor, rx + 2, doctorY, { size: LABEL_SIZE, gray: 60 });
  doc.text(sheet.doctor, rx + 16, doctorY, { size: a5 ? 10 : 11 });
  // 記名押印: the doctor seals or signs here.
  const seal = 8;
  doc.rect(rx + half - seal - 2, doctorY - 5.5, seal, seal, { width: 0.25 });
  doc.text(T.seal, rx + half - seal / 2 - 2, doctorY - 0.5, { size: 7, gray: 120, align: 'center' });
  const code = sheet.clinic.code;
  doc.text(T.clinicCode, rx + 2, y + row * 3 + 3.5, { size: 6, gray: 60 });
  doc.text(
    `${code.slice(0, 2)}${IDEOGRAPHIC_SPACE}${code.slice(2, 3)}${IDEOGRAPHIC_SPACE}${code.slice(3)}`,
    rx + 2,
    y + row * 4 - 1.2,
    {
      size: 9
    }
  );
  y += block;

  // 交付年月日 and 使用期間.
  const dateRow = row * 1.3;
  labelledBox(doc, x0, y, half, dateRow, T.issued, day(sheet.issuedOn));
  labelledBox(doc, x0 + half, y, half, dateRow, T.validity, sheet.validUntil ? day(lastValidDay(sheet)) : '');
  if (!sheet.validUntil) doc.block(T.validityNote, x0 + half + 2, y + 4.4, half - 4, { size: 5.5, gray: 60 });
  y += dateRow;

  // 処方: 変更不可 and 患者希望 columns, then the drugs.
  const markW = a5 ? 9 : 12;
  const lines = writtenLines(sheet.lines);
  const top = y;
  const columnHead = (words: readonly string[], x: number) =>
    words.forEach((word, i) => doc.text(word, x, y + 2.4 + i * 1.9, { size: 4.5, align: 'center' }));
  columnHead(T.noChange, x0 + markW / 2);
  columnHead(T.patientWish, x0 + markW * 1.5);
  doc.text(T.rx, x0 + markW * 2 + 2, y + 3.3, { size: LABEL_SIZE, gray: 60 });
  y += 2 + T.noChange.length * 1.9;
  const textX = x0 + markW * 2 + 2;
  const textW = w - markW * 2 - 4;
  const size = a5 ? 8.5 : 10;
  lines.forEach((line, i) => {
    const head = `Rp${i + 1}) ${[line.drug, line.strength].filter((s) => s.trim()).join(' ')}${IDEOGRAPHIC_SPACE}${printedDose(line)}`;
    const tail = `${line.usage}${line.days.trim() ? `${IDEOGRAPHIC_SPACE}${line.days}${/^\d+$/.test(line.days.trim()) ? '日分' : ''}` : ''}`;
    const h1 = doc.block(head, textX, y, textW, { size });
    if (line.noChange) doc.text('レ', x0 + markW / 2, y + 3.2, { size: 9, bold: true, align: 'center' });
    if (line.patientWish) doc.text('レ', x0 + markW * 1.5, y + 3.2, { size: 9, bold: true, align: 'center' });
    const h2 = tail ? doc.block(tail, textX + 6, y + h1, textW - 6, { size }) : 0;
    y += h1 + h2 + 0.8;
  });
  doc.text('以下余白', textX + textW, y + 3, { size: 7, gray: 60, align: 'right' });
  y += 5;
  const refillY = y + 3.5;
  cx = textX + checkbox(doc, textX, refillY, T.refill, sheet.refills > 1, 8);
  doc.text(`（${sheet.refills > 1 ? sheet.refills : IDEOGRAPHIC_SPACE}${T.times}）`, cx + 1, refillY, {
    size: 8
  });
  y += 6;
  y += doc.block(T.noChangeNote, textX, y, textW, { size: 4.5, gray: 90 }) + 1;
  const bodyH = Math.max(y - top, a5 ? 38 : 60);
  doc.rect(x0, top, w, bodyH, { width: 0.25 });
  doc.line(x0 + markW, top, x0 + markW, top + bodyH, { width: 0.2 });
  doc.line(x0 + markW * 2, top, x0 + markW * 2, top + bodyH, { width: 0.2 });
  y = top + bodyH;

  // 備考 (リフィル and 分割 in words, then the doctor's remarks) and the pharmacy's part.
  const remarks = [
    sheet.splitParts > 1 ? `${T.split}：${sheet.splitParts}回に分割して調剤` : '',
    sheet.remarks
  ]
    .filter(Boolean)
    .join('\n');
  labelledBox(doc, x0, y, w, row * 1.6, T.remarks, remarks, { size: 8 });
  y += row * 1.6;
  labelledBox(doc, x0, y, w * 0.3, row, T.dispensedOn);
  labelledBox(doc, x0 + w * 0.3, y, w * 0.7, row, T.pharmacy);
  y += row + 2;

  // The 2D symbol(s).
  const { text, bytes, missing, symbols } = prescriptionSymbols(sheet);
  for (const ch of missing) doc.printable(ch);
  const parts = symbols ?? [];
  const moduleMm = a5 ? 0.3 : 0.33;
  const matrices = parts.map((s) =>
    qrMatrixOfBytes(s.bytes, { index: s.index, total: s.total, parity: s.parity })
  );
  const sides = matrices.map((m) => Math.max(18, m.size * moduleMm));
  const tallest = Math.max(0, ...sides);
  if (tallest > 0) {
    const bottom = doc.pageHeight - 15;
    if (y + tallest + 5 > bottom) {
      doc.newPage();
      y = 15;
    }
    doc.text(T.symbol, x0, y + 2.5, { size: 6, gray: 60 });
    y += 4;
    let qx = x0 + 2;
    matrices.forEach((m, i) => {
      const side = sides[i] ?? 18;
      if (qx + side > x0 + w) {
        qx = x0 + 2;
        y += tallest + 5;
        if (y + tallest > bottom) {
          doc.newPage();
          y = 15;
        }
      }
      drawQrMatrix(doc, m, qx, y, side);
      if (parts.length > 1)
        doc.text(T.symbolPart(i + 1, parts.length), qx + side / 2, y + side + 3, {
          size: 6,
          align: 'center'
        });
      qx += side + 8;
    });
  }
  const pdf = doc.finish();
  // What the scanner will read: the text after its trip through CP932 (〓 where a character could not go).
  return { ...pdf, data: bytes.length === 0 ? text : fromCp932(bytes), symbolCount: parts.length };
}
