// Messages of the clinic hub's state in the status bar (on every screen: kept short).
import { registerMessages } from '../translate';
export const ja = {
  'hub.status.connecting': 'ハブに接続中…',
  'hub.status.connected': 'つながっています',
  'hub.status.unreachable': 'ハブに届きません — この端末だけで記録中',
  'hub.status.refused': 'ハブに断られました（ユーザー名・パスワードを確かめてください）',
  'hub.status.removed': 'ハブから外されました — この端末だけで記録中',
  'hub.status.locked': 'ハブ：ロック中は送受信しません',
  'hub.status.unsent': '未送信 {n} 件',
  'hub.conflicts.pill': '確認待ちの食い違い {n}件'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
