// The vault's words away from the lock screen and the first setup (vault.ts has those): changing the passcode
// or the recovery code and the audit log (設定), and the passwords of exported files (復旧後).
import { registerMessages } from '../translate';
export const ja = {
  'vault.bundle.notEncrypted': 'このファイルは暗号化された手控えのファイルではありません。',
  'vault.bundle.version':
    'このファイルは新しい版（{version}）の手控えで作られています。アプリを更新してください。',
  'vault.bundle.damaged': 'ファイルが壊れているため開けません。',
  'vault.bundle.wrongPassword': 'パスワードが違います（またはファイルが壊れています）。',
  'vault.settings.title': 'パスコードと回復コード',
  'vault.settings.idle':
    '{minutes}分間操作がないと自動でロックします（上の設定「自動ロックまでの時間」で変更できます）。',
  'vault.change.title': 'パスコードを変更する',
  'vault.change.submit': 'パスコードを変更する',
  'vault.change.done': 'パスコードを変更しました。次のロック解除から新しいパスコードを使います。',
  'vault.renew.title': '回復コードを作り直す',
  'vault.renew.explain':
    '回復コードの紙をなくしたとき、ほかの人に見られたときに作り直します。前の回復コードは使えなくなります。',
  'vault.renew.submit': '新しい回復コードを作る',
  'vault.renew.done': '新しい回復コードです。書き留めるか印刷してから閉じてください。',
  'vault.audit.title': '操作の記録（監査ログ）',
  'vault.audit.note':
    '誰が・いつ・どの端末で・どの記録に何をしたかを残します。患者さんの情報は記録しません（記録IDのみ）。',
  'vault.audit.filter': '操作で絞り込む',
  'vault.audit.all': 'すべて',
  'vault.audit.at': '日時',
  'vault.audit.action': '操作',
  'vault.audit.table': '対象',
  'vault.audit.record': '記録ID',
  'vault.audit.who': '職員',
  'vault.audit.device': '端末',
  'vault.audit.count': '{count}件',
  'vault.audit.empty': 'まだ記録はありません。',
  'vault.audit.more': 'さらに表示',
  'vault.audit.unknownStaff': '（職員未選択）',
  'vault.audit.detail.passcode': 'パスコード',
  'vault.audit.detail.recovery': '回復コード',
  'vault.audit.detail.unlock.recovery': '回復コードで解除し、パスコードを変更',
  'vault.audit.detail.roster': '患者名簿',
  'vault.audit.action.create': '作成',
  'vault.audit.action.change': '変更',
  'vault.audit.action.export': '書き出し',
  'vault.audit.action.print': '印刷',
  'vault.audit.action.import': '取り込み',
  'vault.audit.action.purge': '消去',
  'vault.audit.action.unlock': 'ロック解除',
  'vault.audit.action.unlockFailed': 'ロック解除の失敗',
  'vault.audit.action.lock': 'ロック',
  'vault.table.arrivals': '受付',
  'vault.table.intakes': '問診',
  'vault.table.memos': '診療メモ',
  'vault.table.revisions': '診療メモの版',
  'vault.table.bills': '会計',
  'vault.table.settlements': '精算',
  'vault.table.backEntries': '代行入力の確認',
  'vault.table.paperLinks': '紙の控え',
  'vault.table.patients': '患者名簿',
  'vault.table.sessions': '障害対応',
  'vault.table.device': '端末全体'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
