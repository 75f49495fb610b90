// The outage timeline's words for what recovery logs (keys recovery.timeline.*), apart from the rest of
// recovery's: the home screen shows the timeline, so these load with it (outage/timeline-detail.ts).
import { registerMessages } from '../translate';
export const ja = {
  'recovery.timeline.declared.real': '実際の障害',
  'recovery.timeline.declared.drill': '訓練',
  'recovery.timeline.note.resumed': '復旧の記録を取り消し、障害対応を再開',
  'recovery.timeline.sheets': '{what} {n}枚',
  'recovery.timeline.records': '{what}（{n}件）',
  'recovery.timeline.paper.arrivalSlip': '受付票',
  'recovery.timeline.paper.intake': '問診票',
  'recovery.timeline.paper.visitMemo': '診療メモの用紙',
  'recovery.timeline.paper.depositSlip': '預り証の用紙',
  'recovery.timeline.paper.eligibility': '被保険者資格申立書',
  'recovery.timeline.paper.waitingNotice': '待合室の掲示',
  'recovery.timeline.paper.outageCard': '障害時の手順カード',
  'recovery.timeline.paper.dayLog': '1日の受付記録',
  'recovery.timeline.paper.visitMemos': '記入済みの診療メモ',
  'recovery.timeline.printed.selfPaySlip': 'お支払い控え（自費）を印刷',
  'recovery.timeline.printed.oneMemo': '記入済みの診療メモ（1件）',
  'recovery.timeline.printed.report': '障害対応報告（PDF）',
  'recovery.timeline.printed.prescription': '院外処方箋 {serial} を印刷',
  'recovery.timeline.exported.bundle': 'バンドル',
  'recovery.timeline.exported.csv': 'CSV：{what}',
  'recovery.timeline.exported.xlsx': 'Excel形式（.xlsx）：{what}',
  'recovery.timeline.csv.arrivals': '受付一覧',
  'recovery.timeline.csv.memos': '診療メモ',
  'recovery.timeline.csv.bills': '預り金と精算',
  'recovery.timeline.csv.checklist': '代行入力チェックリスト',
  'recovery.timeline.imported.counts':
    '端末{label}から：追加 {added}件・更新 {updated}件・食い違い {conflicts}件・壊れている記録 {damaged}件',
  'recovery.timeline.purged.count': '{n}件を消去'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
