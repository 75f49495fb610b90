// Messages of the clinic hub's settings: address, user, clinic key, pairing a device.
import { registerMessages } from '../translate';
export const ja = {
  'hub.settings.title': '医院のハブ（端末どうしの共有）',
  'hub.settings.lead':
    '院内のハブ（CouchDB）を通して、受付・診察室・会計の端末が同じ記録を見られます。ハブには暗号化された記録だけが届き、ハブが止まってもこの端末だけで記録を続けられます。',
  'hub.settings.url': 'ハブのアドレス',
  'hub.settings.urlHint': '例：https://hub.example-clinic.jp/tebikae（アプリと同じアドレスの下）',
  'hub.settings.user': 'ハブのユーザー名',
  'hub.settings.password': 'ハブのパスワード',
  'hub.settings.key': '医院の鍵',
  'hub.settings.keyHint':
    '医院で一つの暗号鍵です。1台目の端末で作り、ほかの端末には「端末を追加」のQRコードで渡します。ハブには送られません。',
  'hub.settings.newKey': '医院の鍵を作る（1台目の端末）',
  'hub.settings.enabled': 'この端末でハブを使う',
  'hub.settings.save': 'ハブの設定を保存',
  'hub.settings.saved': 'ハブの設定を保存しました',
  'hub.pair.title': 'ほかの端末をつなぐ',
  'hub.pair.warning':
    'このコードがあれば医院の記録を読めます。つなぐ端末にだけ見せ、写真に撮ったり印刷したりしないでください。',
  'hub.pair.paste': 'ペアリングコードを入力',
  'hub.pair.read': 'ペアリングコードを読み込む',
  'hub.pair.loaded': 'ペアリングコードを読み込みました。「この端末でハブを使う」を確かめて保存してください。',
  'hub.pair.notOurs': '手控えのペアリングコードではありません',
  'hub.error.url': 'ハブのアドレスを https://… の形で入力してください（データベースの名前まで）',
  'hub.error.user': 'ハブのユーザー名を入力してください',
  'hub.error.clinicKey': '医院の鍵が正しくありません（43文字）',
  'hub.error.locked': 'ロック中は保存できません'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
