// Messages of the settings domain: clinic, staff, device, storage.
import { registerMessages } from '../translate';
export const ja = {
  'settings.title': '設定',
  'settings.clinic.title': '医療機関',
  'settings.clinic.name': '医院名',
  'settings.clinic.address': '住所',
  'settings.clinic.phone': '電話番号',
  'settings.clinic.code': '医療機関コード',
  'settings.clinic.departments': '診療科（読点「、」で区切る）',
  'settings.clinic.presets': '預り金の金額ボタン（円、読点で区切る）',
  'settings.clinic.idle': '自動ロックまでの時間（分）',
  'settings.staff.title': '職員',
  'settings.staff.name': '氏名',
  'settings.staff.role': '役割',
  'settings.staff.add': '職員を追加',
  'settings.staff.remove': '{name} を削除',
  'settings.staff.none': 'まだ職員が登録されていません',
  'settings.staff.now': '担当',
  'settings.role.reception': '受付',
  'settings.role.doctor': '医師',
  'settings.role.nurse': '看護師',
  'settings.role.cashier': '会計',
  'settings.role.manager': '事務長・管理者',
  'settings.codes.title': 'レセコン（ORCAなど）のコード',
  'settings.codes.lead':
    '受付一覧のCSVに、診療科と担当医をレセコンのコードでも書き出します（ORCAの例：診療科 01、ドクター 10001）。レセコンに登録してあるコードを一度入れておくと、復旧後の入力で調べずに済みます。空欄の名前は、CSVの「ORCA入力の確認」に出ます。',
  'settings.codes.departments': '診療科コード',
  'settings.codes.doctors': 'ドクターコード（役割が医師の職員）',
  'settings.codes.noDoctors': '役割が「医師」の職員がまだいません',
  'settings.error.receconCode': 'コードは半角の英数字10文字までです（例：01）',
  'settings.device.title': 'この端末',
  'settings.device.label': '端末名（A, B, C…）',
  'settings.device.labelHint':
    '受付番号と預り証番号の頭に付きます（受付番号 A-001、預り証番号 A-0001）。端末ごとに違う文字にしてください。',
  'settings.device.short': '端末 {label}',
  'settings.storage.title': 'この端末の保存領域',
  'settings.saved': '設定を保存しました',
  'settings.error.deviceLabel': '端末名は半角英字1〜2文字で入力してください（例：A）',
  'settings.error.deviceLabelReserved':
    '{letters} は用紙の番号に使うため、端末名にはできません（A, B, C などを使ってください）',
  'settings.error.clinicName': '医院名を入力してください',
  'settings.error.institutionCode': '医療機関コードは7桁または10桁の数字です',
  'settings.error.phone': '電話番号は数字とハイフンで入力してください',
  'settings.error.staffName': '氏名を入力してください',
  'settings.error.presets': '金額は1円以上の整数を読点で区切って入力してください',
  'settings.error.idle': '1〜60分で入力してください',
  'settings.link.title': 'ほかの端末にこの医院の設定を写す',
  'settings.link.lead':
    '2台目からの端末は、設定を手で入力せず、このQRコードを読み取って設定できます（医院名・住所・医療機関コード・職員）。同じ医院の端末として、ファイルのやり取りや障害への参加ができるようになります。',
  'settings.link.show': '設定のQRコードを表示',
  'settings.link.hide': 'QRコードを閉じる',
  'settings.link.qrLabel': 'この医院の設定のQRコード',
  'settings.link.scan': '2台目以降の端末：設定済みの端末のQRコードを読み取る',
  'settings.link.aim': '1台目の端末の 設定 → 「設定のQRコードを表示」を映してください',
  'settings.link.instead': 'カメラが使えないときは、下の欄に手で入力してください。',
  'settings.link.read': '{name} の設定を読み取りました。端末名（A, B, C…）を入れて保存してください。',
  'settings.link.notOurs': '手控えの設定QRコードではありません',
  'settings.link.damaged': '設定のQRコードを読み取れませんでした。もう一度映してください',
  'settings.link.needSaved': '先に設定を保存すると、QRコードを表示できます。',
  'settings.plain.title': '暗号化されていない古いファイル',
  'settings.plain.lead':
    '以前の版は、端末どうしのファイル（バンドル）を暗号化せずに書き出していました。暗号化されていないファイルは、だれが作ったか・途中で書き換えられていないかを確かめられないため、ふだんは取り込みません。',
  'settings.plain.allow': '暗号化されていない古いファイルの取り込みを許可する（この端末だけ）',
  'settings.plain.saved': '保存しました。'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
