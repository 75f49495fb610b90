// Messages of the paper domain (Japanese first; English must define every key Japanese does).
export const ja = {
  'paper.title': '用紙・印刷',
  'paper.form.arrivalSlip': '受付票',
  'paper.form.intake': '問診票',
  'paper.form.visitMemo': '診療メモ（白紙）',
  'paper.form.depositSlip': '預り証（白紙）',
  'paper.form.eligibility': '被保険者資格申立書',
  'paper.sheet.waitingNotice': '待合室の掲示（日本語・英語）',
  'paper.sheet.outageCard': '障害時の手順カード（職員用）',
  'paper.printout.depositSlip': '預り証',
  'paper.printout.visitMemos': '診療メモ（記入済み）',
  'paper.printout.dayLog': '受付記録（1日分）',
  'paper.pack.start': '開始番号',
  'paper.pack.count': '枚数',
  'paper.pack.range': '{first} 〜 {last}',
  'paper.generating': 'PDFを作成しています…',
  'paper.ready': 'PDFができました（{pages}ページ）',
  'paper.missingChars':
    '次の文字は印刷できないため「〓」で印字されています：{chars}　用紙に手書きで補ってください。',
  'paper.drillNote': '訓練中：すべてのページに「訓練」と印字されます',
  'paper.error.fontLoad':
    '印刷用フォントを読み込めませんでした（{detail}）。この端末のオフライン準備が済んでいるか確認してください。',
  'paper.error.generate': 'PDFを作成できませんでした（{detail}）',
  'paper.serial.invalid': '番号の形式が違います（例：{example}）',
  'paper.serial.wrongKind': 'ほかの用紙の番号です。{expected} で始まる番号を入れてください',
  'paper.scan.notFound': 'QRコードを読み取れませんでした。明るい所で、QRコードを枠いっぱいに映してください'
} as const;

export const en: Record<keyof typeof ja, string> = {
  'paper.title': 'Paper & print',
  'paper.form.arrivalSlip': 'Arrival slip',
  'paper.form.intake': 'Intake questionnaire',
  'paper.form.visitMemo': 'Visit memo (blank)',
  'paper.form.depositSlip': 'Deposit receipt (blank)',
  'paper.form.eligibility': 'Insurance eligibility declaration',
  'paper.sheet.waitingNotice': 'Waiting-room notice (Japanese and English)',
  'paper.sheet.outageCard': 'Outage procedure card (staff)',
  'paper.printout.depositSlip': 'Deposit receipt',
  'paper.printout.visitMemos': 'Visit memos (filled in)',
  'paper.printout.dayLog': 'Day log of arrivals',
  'paper.pack.start': 'First number',
  'paper.pack.count': 'Sheets',
  'paper.pack.range': '{first} to {last}',
  'paper.generating': 'Making the PDF…',
  'paper.ready': 'PDF ready ({pages} pages)',
  'paper.missingChars':
    'These characters cannot be printed and appear as 〓: {chars} Please write them in by hand.',
  'paper.drillNote': 'Drill: every page is stamped 訓練 (drill)',
  'paper.error.fontLoad':
    'Could not load the print font ({detail}). Check that this device finished preparing for offline use.',
  'paper.error.generate': 'Could not make the PDF ({detail})',
  'paper.serial.invalid': 'This is not a serial number (example: {example})',
  'paper.serial.wrongKind': 'This number belongs to another form. Enter a number starting with {expected}',
  'paper.scan.notFound': 'No QR code found. Use good light and fill the frame with the QR code'
};
