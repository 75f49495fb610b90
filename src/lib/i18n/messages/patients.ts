// Messages of the patients domain (Japanese first; English must define every key Japanese does).
import { registerMessages } from '../translate';
export const ja = {
  'patients.title': '患者名簿',

  'patients.field.patientNo': '患者番号',
  'patients.field.name': '氏名',
  'patients.field.kana': 'フリガナ',
  'patients.field.birthDate': '生年月日',
  'patients.field.sex': '性別',
  'patients.field.insurerNo': '保険者番号',
  'patients.field.cardSymbol': '記号',
  'patients.field.cardNumber': '番号',
  'patients.field.branch': '枝番',
  'patients.field.copayRate': '負担割合',
  'patients.field.address': '住所',
  'patients.field.phone': '電話番号',
  'patients.field.allergies': 'アレルギー',
  'patients.field.publicPayerNo': '公費負担者番号',
  'patients.field.recipientNo': '受給者番号',

  'patients.sex.M': '男',
  'patients.sex.F': '女',
  'patients.sex.O': 'その他',
  'patients.sex.unknown': '不明',
  'patients.copayRate.value': '{rate}割',
  'patients.copayRate.unknown': '不明',
  'patients.age': '{age}歳',

  'patients.lead': 'この端末に取り込んだ電子カルテの患者名簿です。受付の患者検索はこの名簿を使います。',
  'patients.birthDate.withWareki': '{date}（{wareki}）',

  'patients.picker.label': '患者検索',
  'patients.picker.hint': '患者番号・カナ・氏名・生年月日',
  'patients.picker.noRoster': '名簿が取り込まれていません',
  'patients.picker.toRoster': '名簿を取り込む',
  'patients.picker.loading': '名簿を読み込んでいます…',
  'patients.picker.loadFailed': '名簿を読み込めませんでした。画面を再読み込みしてください',
  'patients.picker.count': '{count}人が見つかりました',
  'patients.picker.countCapped': '{shown}人を表示（ほかに{more}人）',
  'patients.picker.results': '検索結果',

  'patients.status.title': 'この端末の名簿',
  'patients.status.fileName': 'ファイル：{name}',
  'patients.status.lastReport': '前回の取り込みの報告',

  'patients.import.fileLabel': 'CSVファイル',
  'patients.import.step.file': '1. ファイルを選ぶ',
  'patients.import.step.mapping': '2. 列の対応を確かめる',
  'patients.import.step.preview': '3. 取り込まれる形を確かめる',
  'patients.import.step.run': '4. 名簿の時点を入れて取り込む',
  'patients.import.reading': 'ファイルを読み込んでいます…',
  'patients.import.readFailed': 'ファイルを読めませんでした（{detail}）。もう一度選んでください',
  'patients.import.fileSummary': '{file}：{rows}行・{columns}列',
  'patients.import.previewHelp': '最初の{count}行を、取り込まれる形で表示しています',
  'patients.import.previewRejected': '取り込めません：{reason}',
  'patients.import.rowHeader': '行',
  'patients.import.mappingFix': '列の対応に問題があります。赤い項目を直してください',
  'patients.import.kanaUnmapped': 'フリガナの列が選ばれていません。このままではカナで患者を探せません',
  'patients.import.takenAt': '名簿の時点（電子カルテから書き出した日時）',
  'patients.import.takenAtHint': 'ファイルの更新日時を入れています。書き出した日時が違うときは直してください',
  'patients.import.error.takenAtInvalid': '日付と時刻を入力してください',
  'patients.import.error.takenAtFuture': '名簿の時点に未来の日時は入れられません',
  'patients.import.error.utf16':
    'このファイルは UTF-16（Unicode テキスト）で保存されていて、読み込めません。電子カルテから「UTF-8」か「Shift_JIS（CP932）」で書き出し直すか、Excel で開いて「CSV UTF-8（コンマ区切り）」で保存し直してから選んでください',
  'patients.import.error.excel':
    'これは Excel のファイル（.xlsx / .xls）で、CSV ではありません。Excel で開いて「CSV UTF-8（コンマ区切り）」で保存し直すか、電子カルテから CSV で書き出したファイルを選んでください',
  'patients.import.error.mixedBom':
    'このファイルは先頭に UTF-8 の印（BOM）があるのに、中身は Shift_JIS など別の文字コードです（文字コードが混ざっています）。正しく読めないため取り込みません。電子カルテから「UTF-8」か「Shift_JIS（CP932）」で書き出し直すか、Excel で「CSV UTF-8（コンマ区切り）」で保存し直してください',
  'patients.import.error.mixed':
    'このファイルには UTF-8 の文字と Shift_JIS など別の文字コードの文字が混ざっています。正しく読めないため取り込みません。電子カルテから「UTF-8」か「Shift_JIS（CP932）」で書き出し直すか、Excel で「CSV UTF-8（コンマ区切り）」で保存し直してください',
  'patients.import.checking': '各行を確認しています…',
  'patients.import.quote.title': 'ファイルの引用符（"）が壊れています',
  'patients.import.quote.unclosed':
    '{row}行目の{column}列目（{header}）で引用符（"）が開いたまま閉じられていません。そこからファイルの終わりまでの{lines}行がこの1つの項目に入ってしまい、取り込めません',
  'patients.import.quote.unclosedLast':
    '{row}行目の{column}列目（{header}）で引用符（"）が閉じられていません。この行は取り込めません',
  'patients.import.quote.runaway':
    '{row}行目の{column}列目（{header}）で開いた引用符（"）が{lines}行先まで閉じられていません。その間の{lines}行がこの1つの項目に入ってしまい、取り込めません',
  'patients.import.quote.fix':
    'このまま取り込むと、これらの行は名簿に入りません。電子カルテから書き出し直すか、その行の " を直したファイルを選んでください',
  'patients.import.confirm.title': 'このファイルで名簿を置き換えますか？',
  'patients.import.confirm.lead':
    'このファイルは壊れているかもしれません。置き換えると、今の名簿は消えて戻せません。',
  'patients.import.confirm.counts': '今の名簿 {current}人 → 新しいファイル {next}人',
  'patients.import.confirm.dropped':
    '新しいファイルの患者（{next}人）は、今の名簿（{current}人）の半分より少なくなります。書き出しが途中で切れていないか、絞り込んだ一覧を書き出していないか確かめてください',
  'patients.import.confirm.replace': 'このファイルで置き換える',
  'patients.import.confirm.keep': 'やめる（今の名簿を残す）',
  'patients.import.declined': '取り込みをやめました。今の名簿（{count}人）はそのままです',
  'patients.import.saving': '保存しています… {done} / {total}人',
  'patients.import.progress': '取り込みの進み具合',
  'patients.import.nothing': '取り込める行がありませんでした。今の名簿はそのままです',
  'patients.import.doneTakenAt': 'この名簿は {when} 時点のものです',
  'patients.import.replaced': '前の名簿（{count}人）を置き換えました',
  'patients.import.listCapped': 'ほかに{count}件あります',
  'patients.import.another': '別のファイルを選ぶ',
  'patients.import.failed': '名簿を保存できませんでした。今の名簿はそのままです。{reason}',

  'patients.try.title': '名簿で患者を探す',
  'patients.try.lead': '取り込んだ名簿で患者が見つかるか、ここで試せます',
  'patients.details.title': '名簿の情報（読み取り専用）',
  'patients.details.insurance': '保険',
  'patients.details.blank': '（記載なし）',

  'patients.delete.title': '名簿を削除',
  'patients.delete.lead':
    'この端末から名簿（{count}人）を削除します。受付・診療メモ・会計の記録は消えません。名簿が必要になったら、もう一度取り込んでください。',
  'patients.delete.open': '名簿を削除する…',
  'patients.delete.confirmLabel': '確認のため「{word}」と入力してください',
  'patients.delete.word': '削除',
  'patients.delete.confirm': '名簿を削除する',
  'patients.delete.done': '名簿を削除しました',

  'patients.snapshot.takenAt': '名簿の時点：{when}',
  'patients.snapshot.importedAt': '取り込み：{when}',
  'patients.snapshot.count': '{count}人',
  'patients.snapshot.none': '名簿がまだ取り込まれていません',
  'patients.encoding.UTF-8': 'UTF-8',
  'patients.encoding.UTF-8-BOM': 'UTF-8（BOM付き）',
  'patients.encoding.SJIS': 'Shift_JIS',

  'patients.import.title': '名簿の取り込み',
  'patients.import.chooseFile': '電子カルテから書き出したCSVファイルを選んでください',
  'patients.import.detectedEncoding': '文字コード：{encoding}',
  'patients.import.mapping': '列の対応',
  'patients.import.mappingHelp': '各項目がファイルのどの列にあるか確認してください',
  'patients.import.column': '{column}列目：{header}',
  'patients.import.noColumn': '（なし）',
  'patients.import.preview': '取り込み前の確認',
  'patients.import.run': '取り込む',
  'patients.import.replaces': '今の名簿（{count}人）を置き換えます',
  'patients.import.imported': '{count}人を取り込みました',
  'patients.import.rejected': '{count}行は取り込めませんでした',
  'patients.import.warnings': '{count}件の注意があります',
  'patients.import.row': '{row}行目',
  'patients.import.noRows': 'ファイルにデータの行がありません',

  'patients.search.label': '患者を探す',
  'patients.search.hint': '患者番号・フリガナ・氏名・生年月日（例：S55.1.2）',
  'patients.search.none': '該当する患者がいません',
  'patients.search.more': '{shown}人を表示（ほかに{more}人）。条件を足して絞り込んでください',
  'patients.search.by.patientNo': '患者番号で一致',
  'patients.search.by.birthDate': '生年月日で一致',
  'patients.search.by.kana': 'フリガナで一致',
  'patients.search.by.givenKana': '名（フリガナ）で一致',
  'patients.search.by.name': '氏名で一致',

  'patients.duplicates.title': '同じ人が名簿にいるかもしれません',
  'patients.duplicates.body':
    '氏名（またはフリガナ）・生年月日・性別が同じ患者が{count}人います。新しく登録する前に確認してください。',
  'patients.duplicates.useExisting': 'この患者で受付する',
  'patients.duplicates.registerAnyway': '別人として登録する',

  'patients.error.invalidRecord': '患者データの形が正しくありません（{path}）',
  'patients.error.patientNoMissing': '患者番号がありません',
  'patients.error.nameMissing': '氏名がありません',
  'patients.error.kanaNotKatakana': 'フリガナは全角カタカナで入力してください',
  'patients.error.birthDateMissing': '生年月日がありません',
  'patients.error.birthDateFormat':
    '生年月日「{input}」を日付として読めません（例：1980/1/2、S55.1.2、昭和55年1月2日）',
  'patients.error.birthDateImpossible': '生年月日「{input}」は存在しない日付です',
  'patients.error.birthDateOutsideEra': '生年月日「{input}」：{era}は{first}から{last}までです',
  'patients.error.birthDateTooEarly': '生年月日「{input}」は明治より前です',
  'patients.error.birthDateFuture': '生年月日「{input}」が未来の日付です',
  'patients.error.duplicatePatientNo':
    '患者番号 {patientNo} は{firstRow}行目にもあります（先の行を取り込みました）',
  'patients.error.insurerNoDigits': '保険者番号「{input}」は6桁（国保）または8桁の数字です',
  'patients.error.insurerNoPrefecture': '保険者番号 {input} の都道府県番号が01〜47ではありません',
  'patients.error.insurerNoCheckDigit':
    '保険者番号 {input} の検証番号（最後の桁）が合いません。保険証を見直してください',
  'patients.warning.insurerLawCode':
    '保険者番号 {input} の最初の2桁「{code}」は医療保険の法別番号にありません。公費負担者番号ではないか、証を見直してください（このまま登録もできます）',
  'patients.error.publicPayerNoDigits': '公費負担者番号「{input}」は8桁の数字です',
  'patients.error.publicPayerNoPrefecture': '公費負担者番号 {input} の都道府県番号が01〜47ではありません',
  'patients.error.publicPayerNoCheckDigit': '公費負担者番号 {input} の検証番号（最後の桁）が合いません',
  'patients.error.recipientNoDigits':
    '受給者番号「{input}」は7桁の数字です（地方単独の公費では8桁以上のこともあります）',
  'patients.warning.recipientNoLength':
    '受給者番号 {input} は{n}桁で、7桁ではありません。地方単独の公費なら、そのままで構いません',
  'patients.error.recipientNoCheckDigit': '受給者番号 {input} の検証番号（最後の桁）が合いません',
  'patients.error.mappingMissing.patientNo': '患者番号の列を選んでください',
  'patients.error.mappingMissing.name': '氏名の列を選んでください',
  'patients.error.mappingMissing.birthDate': '生年月日の列を選んでください',
  'patients.error.mappingColumnMissing': '{column}列目はファイルにありません',
  'patients.error.mappingColumnTwice': '{column}列目が2つの項目に選ばれています',

  'patients.warning.nameTooLong':
    '氏名が{length}文字あり、受付で使える{max}文字を超えています（「{value}」）。先頭{max}文字で取り込みました',
  'patients.warning.kanaNotKatakana':
    'フリガナ「{value}」にカタカナ以外の文字があります。そのまま取り込みましたが、受付でこの患者を選ぶとフリガナを直すよう求められます',
  'patients.warning.birthDateFuture':
    '生年月日「{input}」が未来の日付です。そのまま取り込みましたが、受付では生年月日を直すよう求められます',
  'patients.warning.birthDateTooEarly':
    '生年月日「{input}」が1900年より前です。そのまま取り込みましたが、受付では生年月日を直すよう求められます',
  'patients.warning.cardSymbolTooLong':
    '記号が{length}文字あり、受付で使える{max}文字を超えています（「{value}」）。そのまま取り込みましたが、受付では直すよう求められます',
  'patients.warning.cardNumberTooLong':
    '番号が{length}文字あり、受付で使える{max}文字を超えています（「{value}」）。そのまま取り込みましたが、受付では直すよう求められます',
  'patients.warning.branchInvalid':
    '枝番「{value}」が2桁の数字ではありません。そのまま取り込みましたが、受付では直すよう求められます',
  'patients.warning.phoneInvalid':
    '電話番号「{value}」が電話番号の形ではありません（数字とハイフンなどで6〜20文字）。そのまま取り込みましたが、受付では直すか消すよう求められます',
  'patients.warning.sexUnknown': '性別「{value}」を読めないため、不明として取り込みました',
  'patients.warning.copayUnknown': '負担割合「{value}」を読めないため、不明として取り込みました',
  'patients.warning.insurerNoZeroRestored':
    '保険者番号「{value}」は先頭の0が落ちていたため {restored} として取り込みました'
} as const;

// Importing this file loads these messages: a page imports the catalogues it shows.
registerMessages('ja', ja);
