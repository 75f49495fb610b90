// Messages of the 院外処方箋 (prescription) printout (Japanese first; English must define every key Japanese does).
import { registerMessages } from '../translate';
export const ja = {
  'rx.print': '院外処方箋を印刷',
  'rx.heading': '院外処方箋',
  'rx.lead': '院外（薬局）の処方 {count} 件を処方箋にします。印刷すると番号が付き、記録に残ります。',
  'rx.paper': '用紙',
  'rx.paper.a5': 'A5（標準）',
  'rx.paper.a4': 'A4',
  'rx.validUntil': '使用期間（空欄なら交付日を含め4日）',
  'rx.refills': 'リフィル可（回数）',
  'rx.refills.none': 'なし',
  'rx.refills.count': '{count}回',
  'rx.split': '分割指示（回数、なしは0）',
  'rx.remarks': '備考',
  'rx.cannotPrint': '処方箋を印刷できません。次を入力してください：',
  'rx.missing.lines': '院外の処方（薬剤名）がありません',
  'rx.missing.insurer': '保険者番号（または公費負担者番号）が受付にありません',
  'rx.invalid.insurer': '保険者番号「{value}」は6桁または8桁ではありません',
  'rx.missing.doctor': '診療メモに保険医氏名（担当医）がありません',
  'rx.missing.clinicCode': '設定に医療機関コード（10桁）がありません',
  'rx.missing.clinicAddress': '設定に医療機関の名称・所在地がありません',
  'rx.missing.patient': '患者の氏名・生年月日が受付にありません',
  'rx.missing.copay':
    '負担割合が受付にありません（70歳以上・後期高齢者の処方箋の2次元シンボルに必要です。受付の保険欄で選んでください）',
  'rx.missing.sex':
    '患者の性別（男・女）が受付にありません（処方箋の2次元シンボルには男・女しか書けません）。受付の「詳細・修正」で直せます',
  'rx.missing.usage': 'Rp{rp}（{drug}）の用法がありません',
  'rx.invalid.dose':
    'Rp{rp}（{drug}）の用量「{value}」は数量と単位だけで書いてください（例：3錠、0.5g）。回数などは用法へ',
  'rx.invalid.doseDays':
    'Rp{rp}（{drug}）の用量「{value}」は1回量です。日数（または回数）を書いてください（日数がないと全量の意味になります）',
  'rx.invalid.doseTimes':
    'Rp{rp}（{drug}）の用量「{value}」は1回量です。1日量を出せるよう、用法に1日の回数を書いてください（例：1日3回）',
  'rx.invalid.days': 'Rp{rp}（{drug}）の日数・回数「{value}」は数字で書いてください（例：14、14日分、5回）',
  'rx.line.usage': '院外処方箋には用法が要ります（例：1日1回 朝食後）',
  'rx.line.dose':
    '院外処方箋の用量は数量と単位で書いてください（内服は1日量：3錠、または1回量：1回1錠）。回数などは用法へ',
  'rx.line.doseDays':
    '1回量で書くときは、日数（または回数）も書いてください。日数がないと、用量が全量になります',
  'rx.line.doseTimes': '1回量で書くときは、用法に1日の回数を書いてください（例：1日3回 毎食後、分3）',
  'rx.line.days': '日数・回数は数字で書いてください（例：14、14日分、5回）',
  'rx.tooLong.field': '{name}が長すぎます（2次元シンボルには全角{max}文字・半角{bytes}文字まで）',
  'rx.invalid.split': '分割指示は0〜9の数字で入れてください',
  'rx.tooLong': '処方が長すぎて2次元シンボル（最大16個）に入りません。処方箋を分けてください。',
  'rx.serialFailed': '処方箋番号を記録できませんでした（{detail}）',
  'rx.printed': '処方箋 {serial} を作りました（2次元シンボル {symbols} 個）'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
