// Messages of the clinical snapshot (診療サマリー) and the memo's clinical panel (Japanese first).
import { registerMessages } from '../translate';
export const ja = {
  'snapshot.title': '診療サマリー（障害の前に書き出したもの）',
  'snapshot.lead':
    '電子カルテやレセコンから障害の前に書き出した、患者ごとのアレルギー・病名・最近の処方を取り込みます。CSV（UTF-8 または Shift_JIS）か FHIR R4 の Bundle（JP Core）の JSON です。取り込むと前の内容は置き換わります。',
  'snapshot.import.file': '診療サマリーのファイル（CSV または FHIR の JSON）',
  'snapshot.import.takenAt': '書き出した日時（この日時の時点の情報として表示します）',
  'snapshot.import.preview': '取り込む前の確認',
  'snapshot.import.summary':
    '{patients}人・{items}件（アレルギー {allergy}件・病名 {problem}件・処方 {prescription}件）、{format}、{encoding}',
  'snapshot.import.notInRoster':
    '名簿にない患者番号が {n}人分あります（名簿を取り込むと診療メモに表示されます）。',
  'snapshot.import.rejected': '取り込まない行：{n}件',
  'snapshot.import.rowReason': '{n}行目：{reason}',
  'snapshot.import.entryReason': '{n}番目のentry：{reason}',
  'snapshot.import.replace': 'この内容で置き換える',
  'snapshot.import.replaceFirst': 'この内容で取り込む',
  'snapshot.import.cancel': 'やめる',
  'snapshot.import.done': '診療サマリーを取り込みました：{patients}人・{items}件。',
  'snapshot.import.reading': '読み込み中…',
  'snapshot.import.firstRows': '最初の患者',
  'snapshot.format.csv': 'CSV',
  'snapshot.format.fhir': 'FHIR R4 Bundle',
  'snapshot.status.none': 'この端末に診療サマリーはありません。',
  'snapshot.status.current':
    '{asOf} 時点の診療サマリー：{patients}人・{items}件（{file}、{importedAt} に取り込み）',
  'snapshot.status.rejected': '前回の取り込みで取り込まなかった行：{n}件',
  'snapshot.delete.title': '診療サマリーをこの端末から消す',
  'snapshot.delete.open': '診療サマリーを消す',
  'snapshot.delete.lead':
    '{patients}人分の診療サマリーをこの端末から消します。障害の記録の消去（安全な消去）では名簿と同じく消えずに残るので、不要になったらここで消してください。',
  'snapshot.delete.confirm': '消す',
  'snapshot.delete.done': '診療サマリーを消しました。',
  'snapshot.kind.allergy': 'アレルギー',
  'snapshot.kind.problem': '病名',
  'snapshot.kind.prescription': '処方',
  'snapshot.col.patientNo': '患者番号',
  'snapshot.col.kind': '種別',
  'snapshot.col.name': '名称',
  'snapshot.col.detail': '規格・用量・用法・日数',
  'snapshot.col.date': '日付',
  'snapshot.col.note': '備考',

  'snapshot.error.columnsMissing': '必要な列がありません：{columns}',
  'snapshot.error.empty': 'ファイルが空です。',
  'snapshot.error.patientNoMissing': '患者番号がありません',
  'snapshot.error.kindUnknown': '種別「{value}」はアレルギー・病名・処方のどれでもありません',
  'snapshot.error.nameMissing': '名称がありません',
  'snapshot.error.dateInvalid': '日付「{value}」が読めません（例：2025-10-20）',
  'snapshot.error.daysInvalid': '日数「{value}」が数字ではありません',
  'snapshot.error.notJson': 'JSON として読めません。',
  'snapshot.error.notBundle': 'FHIR の Bundle ではありません（resourceType が Bundle ではありません）。',
  'snapshot.error.fhirShape': '{type} の形が FHIR R4 と違います',
  'snapshot.error.patientUnknown': '参照先の患者（{ref}）が Bundle の中にないか、患者番号がありません',
  'snapshot.error.takenAt': '書き出した日時を入れてください（未来の日時は入れられません）',

  'snapshot.panel.title': '患者の情報（アレルギー・病名・処方）',
  'snapshot.panel.lead':
    'それぞれの出どころと日付を示します。障害前の情報なので、今日の状態は本人に確かめてください。',
  'snapshot.panel.allergies': 'アレルギー',
  'snapshot.panel.problems': '病名',
  'snapshot.panel.prescriptions': '前回の処方',
  'snapshot.panel.notebook': 'お薬手帳の薬',
  'snapshot.panel.none': 'なし',
  'snapshot.panel.noRosterLink': 'この受付は名簿の患者と結びついていないため、診療サマリーは表示できません。',
  'snapshot.panel.noSnapshot': 'この端末に診療サマリーはありません（患者名簿の画面で取り込めます）。',
  'snapshot.panel.notInSnapshot': '診療サマリーにこの患者の記載はありません。',
  'snapshot.panel.source.roster': '名簿',
  'snapshot.panel.source.snapshot': '診療サマリー（{asOf} 時点）',
  'snapshot.panel.source.memo': '{date} の診療メモ',
  'snapshot.panel.source.notebook': 'お薬手帳 {date} {pharmacy}',
  'snapshot.panel.do': 'Do（処方に写す）',
  'snapshot.panel.doLabel': '{source} の処方 {n}件を、この診療の処方に写す',
  'snapshot.panel.done': '{n}件を処方に写しました。写したあとも変更できます。',
  'snapshot.panel.loading': '読み込み中…',
  'snapshot.purge.stays': '診療サマリー {n}人（{asOf} 時点・障害対応とは別に取り込んだもの）',
  'snapshot.purge.none': '診療サマリーはありません',
  'snapshot.purge.where': '診療サマリーを消す（患者名簿の画面）'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
