// Messages of pairing devices through the hub: the admin's credentials, adding a device (passcode, QR),
// the device list and removal, and joining with a scanned or pasted code.
import { registerMessages } from '../translate';
export const ja = {
  'hub.admin.title': 'ハブの管理者（端末の追加と取り外し）',
  'hub.admin.lead':
    '端末を追加・取り外しする端末でだけ、ハブ（CouchDB）の管理者の名前とパスワードを一度入力します。この端末の中で暗号化して保存します。',
  'hub.admin.user': '管理者のユーザー名',
  'hub.admin.password': '管理者のパスワード',
  'hub.admin.save': '管理者の設定を保存',
  'hub.admin.saved': '管理者の設定を保存しました',
  'hub.admin.set': '管理者の設定があります',
  'hub.admin.refused': 'ハブが管理者のユーザー名かパスワードを受け付けませんでした',
  'hub.admin.unreachable': 'ハブに届きませんでした。ハブの電源と院内のネットワークを確かめてください',
  'hub.admin.missing': 'ハブに医院のデータベースが見つかりません（ハブのアドレスを確かめてください）',
  'hub.add.start': '端末を追加',
  'hub.add.needAdmin': '端末を追加するには、先にハブの管理者を設定してください',
  'hub.add.passcode': 'この端末のパスコード',
  'hub.add.passcodeHint': 'ペアリング用のQRコードを出す前に、パスコードをもう一度確かめます',
  'hub.add.confirm': 'ペアリング用QRコードを表示',
  'hub.add.cancel': 'やめる',
  'hub.add.code': 'ペアリング用QRコード',
  'hub.add.countdown': 'あと {seconds} 秒で隠します',
  'hub.add.hidden': 'QRコードを隠しました。このコードは {time} まで使えます。',
  'hub.add.again': 'もう一度表示',
  'hub.add.expired': 'このコードは期限が切れました。もう一度「端末を追加」からやり直してください。',
  'hub.devices.title': 'つないだ端末',
  'hub.devices.load': '端末の一覧を読み込む',
  'hub.devices.none': 'ペアリングした端末はまだありません',
  'hub.devices.device': '端末 {label}',
  'hub.devices.notJoined': 'まだつないでいない端末（{user}）',
  'hub.devices.remove': 'この端末をハブから外す',
  'hub.devices.confirm':
    '{name} をハブから外します。その端末はハブと送受信できなくなります（その端末の中の記録は消えません）。',
  'hub.devices.yes': '外す',
  'hub.devices.removed': '{name} をハブから外しました',
  'hub.join.title': 'この端末をハブにつなぐ',
  'hub.join.scan': 'ペアリング用QRコードを読み取る',
  'hub.join.aim': 'ほかの端末の「端末を追加」に出ているQRコードをカメラに向けてください',
  'hub.join.instead': 'カメラが使えないときは、下の欄にペアリングコードを貼り付けてください',
  'hub.join.working': 'ハブにつないでいます…',
  'hub.join.joined':
    'ハブにつなぎました。この端末だけのパスワードに変えたので、読み取ったコードはもう使えません。',
  'hub.join.expired':
    'このペアリングコードは期限切れです。管理する端末の「端末を追加」から新しいコードを出してください',
  'hub.join.otherClinic': 'このコードは別の医院のものです（この端末はすでに別の医院の鍵を持っています）',
  'hub.join.used':
    'このペアリングコードはもう使われたか、取り消されています。新しいコードを出してもらってください',
  'hub.join.unreachable':
    'ハブに届きませんでした。院内のネットワークにつないでから、もう一度読み取ってください'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
