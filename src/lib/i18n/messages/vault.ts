// Messages of the vault domain: passcode setup, the lock screen, recovery code, audit trail (Japanese first).
import { registerMessages } from '../translate';
export const ja = {
  'vault.title': '患者データの保護',
  'vault.checking': '確認しています…',
  'vault.retry': 'もう一度確認する',
  'vault.field.passcode': 'パスコード',
  'vault.field.newPasscode': '新しいパスコード',
  'vault.field.confirm': 'パスコード（確認）',
  'vault.field.current': '今のパスコード',
  'vault.field.recoveryCode': '回復コード',
  'vault.passcode.hint': '{min}文字以上。数字だけでも、英字を混ぜても構いません。',
  'vault.passcode.tooShort': 'パスコードは{min}文字以上にしてください。',
  'vault.passcode.mismatch': '確認のパスコードが一致しません。もう一度入力してください。',
  'vault.setup.title': 'この端末の患者データを守る',
  'vault.setup.evicted':
    'ハブにつないでいた端末なら、新しいパスコードを決めてからハブにつなぎ直すと、医院の記録が戻ります。つないでいなかった記録は、紙の控えと書き出したファイルから入力し直してください。',
  'vault.setup.intro':
    '受付や診療メモの内容は、この端末の中で暗号化して保存します。画面を開くにはパスコードが必要になります。',
  'vault.setup.who':
    'パスコードは、この端末を使う職員全員で共有します。院長や事務長など、管理する人が決めて、職員に口頭で伝えてください。',
  'vault.setup.warning':
    '大切：パスコードを忘れ、回復コードもなくした場合、この端末に保存したデータは誰にも読めなくなります（開発者にも戻せません）。',
  'vault.setup.submit': 'パスコードを設定する',
  'vault.setup.working': '鍵を作っています…（数秒かかります）',
  'vault.setup.exists': 'この端末はすでに設定済みです。画面を再読み込みしてください。',
  'vault.recovery.title': '回復コード',
  'vault.recovery.explain':
    'パスコードを忘れたときに使うコードです。紙に書き写すか印刷し、端末とは別の、鍵のかかる場所に保管してください（院長・事務長が管理）。この画面を閉じると二度と表示されません。',
  'vault.recovery.sheetTitle': '手控え 回復コード',
  'vault.recovery.sheetMade': '作成：{date}',
  'vault.recovery.changedNotice':
    '回復コードでロックを解除し、パスコードを新しくしました。この端末を使う職員全員に、新しいパスコードを口頭で伝えてください（紙に書いて端末に貼らないでください）。',
  'vault.recovery.sheetFor': '医療機関：{clinic}　端末：{device}',
  'vault.recovery.sheetNote': 'この紙は端末とは別に、鍵のかかる場所に保管してください。',
  'vault.recovery.print': '回復コードを印刷する',
  'vault.recovery.written': '回復コードを書き留めました（または印刷しました）',
  'vault.recovery.done': '使い始める',
  'vault.recovery.wrong': '回復コードが違います（{failures}回目）。',
  'vault.recovery.format': '回復コードは英数字24文字です（ハイフンや空白は省略できます）。',
  'vault.recovery.intro':
    '回復コードと新しいパスコードを入力してください。ロックを解除し、新しいパスコードに切り替えます。',
  'vault.recovery.submit': '回復コードで解除して、パスコードを変える',
  'vault.lock.title': 'ロック中',
  'vault.lock.explain': 'パスコードを入力してください。入力途中の内容はそのまま残っています。',
  'vault.lock.unlock': 'ロック解除',
  'vault.lock.working': '確認しています…',
  'vault.lock.keypad': '数字キー',
  'vault.lock.backspace': '1文字消す',
  'vault.lock.clearAll': '全部消す',
  'vault.lock.failures': '間違えた回数：{count}回',
  'vault.lock.waitFor': '次に試せるまで あと{time}',
  'vault.boot.stuck':
    'アプリの準備ができていません。画面を読み込み直してください（入力したパスコードはもう一度入れてください）。',
  'vault.boot.reload': '読み込み直す',
  'vault.lock.useRecovery': 'パスコードを忘れた（回復コードを使う）',
  'vault.lock.usePasscode': 'パスコードで解除する',
  'vault.lock.forgotBoth': 'パスコードも回復コードも分からない',
  'vault.lock.now': 'ロック',
  'vault.lock.nowLabel': '画面をロックする（パスコードで再開）',
  'vault.time.seconds': '{s}秒',
  'vault.time.minutes': '{m}分{s}秒',
  'vault.unlock.wrong': 'パスコードが違います（{failures}回目）。',
  'vault.unlock.waiting': '間違いが続いたため、あと{seconds}秒待ってからもう一度入力してください。',
  'vault.erase.title': 'この端末のデータを消去して、最初からやり直す',
  'vault.erase.explain':
    'パスコードも回復コードも分からない場合、この端末に保存したデータは読み出せません。消去すると元に戻せません。ほかの端末のデータや紙の控えには影響しません。',
  'vault.erase.confirmLabel': '確認のため「消去」と入力',
  'vault.erase.confirmWord': '消去',
  'vault.erase.submit': 'この端末のデータを消去する',
  'vault.erase.mismatch': '「消去」と入力してください。',
  'vault.error.noKeyring': 'この端末の鍵が見つかりません。画面を再読み込みしてください。',
  'vault.error.locked':
    'ロック中のため保存できません。入力内容は画面に残っています。ロックを解除すると保存します。',
  'vault.error.integrity':
    '保存されたデータの一部が読めません（改ざん、または別の鍵で書かれたデータ）。管理者に連絡してください。'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
