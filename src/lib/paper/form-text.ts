// The printed words of every form, in Japanese (the waiting-room notice also in English): paper is for Japanese patients and staff whatever the UI language.

export const STAMP = '訓練';

export const FOOTER = {
  drill: '訓練用 — 実際の診療記録ではありません',
  printedAt: '印刷'
} as const;

export const CLINIC = {
  phone: 'TEL',
  code: '医療機関コード'
} as const;

/** The full-width space (全角スペース) Japanese forms separate items with. */
export const GAP = '\u3000';

/** Blanks for handwriting. */
export const BLANK = {
  date: '　　　　年　　月　　日',
  time: '　　時　　分',
  era: '明・大・昭・平・令',
  birth: '明・大・昭・平・令　　　年　　月　　日',
  sama: '様',
  settleDate: '　　　　年　　月　　日',
  yenWords: '金　　　　　　　円也'
} as const;

export const TITLES = {
  arrivalSlip: '受付票',
  intake: '問診票',
  visitMemo: '診療メモ',
  depositSlip: '預り証',
  depositStub: '預り証（控）',
  selfPaySlip: 'お支払い控え（自費）',
  selfPayStub: 'お支払い控え（自費・控）',
  eligibility: '被保険者資格申立書',
  waitingNotice: 'お知らせ',
  outageCard: '電子カルテ停止時の手順',
  dayLog: '受付記録'
} as const;

/** File names: '2025-11-15_預り証_A-0003.pdf'. */
export const FILE_LABELS = {
  arrivalSlip: '受付票',
  intake: '問診票',
  visitMemo: '診療メモ用紙',
  depositSlip: '預り証',
  selfPaySlip: 'お支払い控え',
  eligibility: '被保険者資格申立書',
  waitingNotice: '待合室掲示',
  outageCard: '停止時手順カード',
  visitMemos: '診療メモ',
  dayLog: '受付記録',
  incidentReport: '障害対応報告',
  prescription: '処方箋',
  drill: '訓練'
} as const;

export const PATIENT = {
  name: '氏名',
  kana: 'ふりがな',
  birth: '生年月日',
  sex: '性別',
  sexes: ['男', '女'],
  phone: '電話番号',
  address: '住所',
  postal: '〒',
  id: '患者番号'
} as const;

export const ARRIVAL = {
  subtitle: '電子カルテ停止中のため、紙で受付しています',
  staffOnly: '受付記入欄',
  queue: '受付番号',
  time: '受付時刻',
  staff: '受付者',
  visitType: '区分',
  visitTypes: ['初診', '再診', 'その他'],
  department: '診療科',
  patientPart: 'ご記入ください',
  insurance: '保険の確認',
  // 資格情報のお知らせ counts only together with the マイナ保険証, so the slip never offers it alone.
  insuranceTypes: ['マイナ保険証', 'マイナ＋お知らせ', '資格確認書', '保険証', '未提示'],
  publicAid: '公費・医療証',
  publicAidChoices: ['なし', 'あり'],
  reason: '今日の来院理由',
  links: '関連する用紙の番号',
  linkIntake: '問診票',
  linkMemo: '診療メモ',
  linkDeposit: '預り証',
  billing: '会計',
  billingChoices: ['精算済', '預り金', '後日精算'],
  notes: '備考（受付・会計）',
  ticketTitle: 'お呼び出し番号札',
  ticketNumber: 'お呼び出し番号',
  ticketNote: 'この札はお会計までお持ちください。順番になりましたら番号でお呼びします。',
  cut: '切り取り線'
} as const;

export const INTAKE = {
  subtitle: 'わかる範囲でご記入ください。書きにくいところは空けたままで構いません。',
  date: '記入日',
  symptoms: '今日はどうされましたか（あてはまるものすべてに印）',
  symptomList: [
    '発熱',
    'せき',
    'のどの痛み',
    '鼻水・鼻づまり',
    '頭痛',
    '腹痛',
    '下痢',
    '吐き気・嘔吐',
    '発疹・かゆみ',
    'めまい',
    'けが',
    '健診・予防接種',
    'その他'
  ],
  symptomDetail: '症状をくわしく',
  since: 'いつからですか',
  sinceList: ['今日から', '昨日から', '（　　）日前から', '（　　）週間前から', 'それより前から'],
  temperature: '体温',
  temperatureUnit: '℃',
  measuredAt: '測った時刻',
  allergy: 'アレルギー',
  allergyChoices: ['なし', 'あり', 'わからない'],
  allergyKinds: ['薬', '食べ物', 'その他'],
  allergyDetail: 'あり：何で、どうなりましたか',
  medication: '今飲んでいるお薬',
  medicationChoices: ['なし', 'あり'],
  notebook: 'お薬手帳',
  notebookChoices: ['持っている（受付に出してください）', '今日は持っていない', '持っていない'],
  medicationDetail: 'お薬の名前（わかれば）',
  pregnancy: '妊娠・授乳（女性の方）',
  pregnancyChoices: ['妊娠していない', '妊娠中（　　週）', '妊娠の可能性あり', '授乳中'],
  history: 'これまでにかかった病気',
  historyList: [
    '高血圧',
    '糖尿病',
    '心臓病',
    '喘息',
    '腎臓病',
    '肝臓病',
    '脳卒中',
    'がん',
    '手術を受けた',
    'その他'
  ],
  historyDetail: '病名・時期など',
  message: '医師に伝えたいこと',
  writer: '記入した方',
  writerChoices: ['ご本人', 'ご家族（続柄：　　　）', 'その他']
} as const;

export const MEMO = {
  subtitle: '電子カルテ停止中の記録 — 復旧後に電子カルテへ入力',
  S: { letter: 'S', caption: '主観' },
  O: { letter: 'O', caption: '客観' },
  A: { letter: 'A', caption: '評価' },
  P: { letter: 'P', caption: '計画' },
  queue: '受付番号',
  arrived: '受付',
  chiefComplaint: '主訴',
  presentIllness: '現病歴',
  medications: '服薬',
  allergies: 'アレルギー',
  vitals: '所見・バイタル',
  temperature: { label: '体温', unit: '℃' },
  bloodPressure: { label: '血圧', unit: 'mmHg' },
  pulse: { label: '脈拍', unit: '/分' },
  spo2: { label: 'SpO2', unit: '%' },
  respiratoryRate: { label: '呼吸数', unit: '/分' },
  height: { label: '身長', unit: 'cm' },
  weight: { label: '体重', unit: 'kg' },
  findings: '所見',
  assessment: '病名・疑い',
  prescriptions: '処方',
  rx: {
    drug: '薬剤名',
    strength: '規格',
    dose: '用量',
    usage: '用法',
    days: '日数',
    dispensing: '院内/院外'
  },
  dispensing: { inHouse: '院内', outside: '院外', '': '' },
  procedures: '処置',
  tests: '検査',
  testStates: { done: '実施', ordered: '依頼', deferred: '保留' },
  injections: '注射',
  guidance: '指導',
  nextAppointment: '次回予約',
  documents: '発行文書',
  documentList: { prescription: '処方箋', referral: '紹介状', certificate: '診断書', other: 'その他' },
  author: '記載者',
  writtenAt: '記載日時',
  revisions: '修正',
  revisionsUnit: '回',
  none: '（記載なし）',
  empty: '印刷する診療メモがありません'
} as const;

export const DEPOSIT = {
  subtitle: '電子カルテ停止のため、診療費を確定できず、お金をお預かりしました。',
  stubSubtitle: '医療機関保管用',
  issuedAt: '発行日時',
  patient: '患者氏名',
  amount: '預り金額',
  amountUnit: '円',
  words: '（漢数字）',
  method: '預り方法',
  methods: ['現金', 'クレジットカード', 'その他'],
  otherMethod: 'その他',
  seal: '印',
  receiver: '受領者',
  reason: '理由',
  settle: '精算について',
  settleDefault:
    '電子カルテの復旧後、診療費を確定し、お預かりした金額との差額を精算（お返しまたはお支払い）いたします。',
  settleBy: '精算期限',
  settleByNote: 'までに、この預り証をお持ちのうえ受付にお越しください。ご都合が悪い場合はお電話ください。',
  settleNoDate: '復旧後にご連絡いたします。この預り証をお持ちのうえ受付にお越しください。',
  lost: '紛失された場合',
  lostText: '受付で氏名・生年月日をお申し出ください。ご本人確認のうえ、控えと照合して精算いたします。',
  cut: '切り取り線 — 下は医療機関の控えです',
  signature: '患者（代理人）署名',
  settlement: '精算記録',
  settledOn: '精算日',
  actualFee: '確定額',
  difference: '差額（返金・追加）',
  settledBy: '担当',
  received: '上記の金額を確かにお預かりしました。',
  notReceipt: '本証は領収証ではありません。精算時に領収証・明細書をお渡しします。'
} as const;

/** The お支払い控え of a 自費 payment: the 預り証's layout with the words of a payment. */
export const SELF_PAY = {
  subtitle: '電子カルテ停止のため、診療費を自費（全額）でお支払いいただきました。',
  amount: '受領金額',
  method: '支払方法',
  settle: 'このお支払いについて',
  settleLater:
    '保険の資格が確認できましたら、保険診療の負担額で計算し直し、差額をお返しします。この控えをお持ちのうえ受付にお越しください。',
  final: '自費（全額）でのお支払いです。領収証・明細書は電子カルテの復旧後にお渡しします。',
  received: '上記の金額を確かに受領しました。',
  notReceipt: '本控えは領収証ではありません。領収証・明細書は復旧後にお渡しします。'
} as const;

export const ELIGIBILITY = {
  subtitle: 'マイナ保険証などで保険の資格を確認できない場合にご記入ください',
  intro: '次のとおり、現在加入している医療保険の資格について申し立てます。わかる範囲でご記入ください。',
  insurer: '保険者名',
  insurerNumber: '保険者番号',
  symbol: '記号',
  number: '番号',
  branch: '枝番',
  insuredRelation: '本人・家族の別',
  relations: ['本人（被保険者）', '家族（被扶養者）'],
  insuredName: '被保険者氏名（家族の場合）',
  share: '一部負担金の割合',
  shares: ['1割', '2割', '3割', 'わからない'],
  employer: '勤務先（社会保険の場合：事業所名）',
  insuranceKind: '加入している保険',
  insuranceKinds: ['国民健康保険', '後期高齢者医療', '協会けんぽ', '健康保険組合', '共済組合', 'その他'],
  statement:
    '上記の内容は、私（患者またはその家族）が申し立てたものです。内容に誤りがあった場合は、後日、医療機関からの確認・精算に応じます。',
  declaredOn: '申立日',
  signature: '署名',
  signatureNote: '（ご本人が書けない場合は代筆者名と続柄）',
  clinicUse: '医療機関記入欄',
  checkedBy: '受付者',
  confirmedLater: '後日の資格確認',
  confirmedChoices: ['確認済', '資格なし・要連絡', '未確認']
} as const;

export const NOTICE = {
  titleJa: 'ただいま電子カルテ（受付・会計システム）が停止しています',
  titleEn: 'Our computer system is currently down',
  bodyJa: [
    '受付・診察・お会計を紙で行っています。通常よりお待ちいただく時間が長くなります。ご迷惑をおかけし、申し訳ございません。',
    'お会計の金額がすぐに確定できない場合、お金をお預かりして「預り証」をお渡しし、システムの復旧後に精算いたします。'
  ],
  bodyEn: [
    'Registration, consultations and payment are being handled on paper, so waiting times will be longer than usual. We apologise for the inconvenience.',
    'If your bill cannot be calculated today, we may take a deposit and give you a deposit receipt (預り証). We will settle the exact amount once the system is back.'
  ],
  bringJa: '次回ご来院の際にお持ちください',
  bringEn: 'Please bring next time',
  itemsJa: [
    'マイナ保険証（マイナンバーカード）、資格確認書、または保険証',
    'お薬手帳',
    '預り証（お持ちの方）'
  ],
  itemsEn: [
    'Your My Number Card (health insurance), eligibility certificate (資格確認書) or health insurance card',
    'Your medicine notebook (お薬手帳)',
    'Your deposit receipt (預り証), if you were given one'
  ],
  askJa: 'ご不明な点は受付までお声かけください。',
  askEn: 'Please ask at reception if you have any questions.'
} as const;

export const CARD = {
  subtitle: '職員用 — 受付・診察室・会計に1枚ずつ置いてください',
  during: '停止中',
  after: '復旧後',
  steps: [
    ['停止を宣言する', 'tebikae で「障害の宣言」。開始時刻と理由を入れる。訓練なら「訓練」を選ぶ。'],
    ['用紙を用意する', '受付票・問診票・診療メモ・預り証・資格申立書の束を印刷。待合室に掲示を貼る。'],
    ['受付する', '来院順に受付番号。tebikae に登録（名簿で検索）。端末が使えない時は受付票に手書き。'],
    [
      '保険を確認する',
      'マイナ保険証が読めない時は資格確認書・保険証を確認。どれもなければ資格申立書に記入してもらう。'
    ],
    ['問診する', '問診票を渡す。体温を測り、アレルギー・お薬手帳を確認する。'],
    ['診察を記録する', '診療メモ（tebikae または用紙）に SOAP で。処方・検査・注射・発行文書も必ず書く。'],
    ['会計する', '金額が出せない時は預り金を受け取り預り証を発行（控えを保管）。または後日精算として記録。'],
    ['一日の終わり', '受付記録を印刷。用紙は番号順にまとめて鍵のかかる所へ。']
  ],
  recovery: [
    ['復旧を宣言する', 'tebikae で「復旧」。紙だけの受付・メモ・預り証が残っていないか番号で確認する。'],
    ['書き出す', '各端末のデータを書き出し（エクスポート）、1台にまとめる。'],
    ['後入力する', '電子カルテに受付・診療・会計を入力し、チェックリストで1件ずつ消し込む。'],
    ['精算する', '確定額と預り金の差額を精算し、預り証を回収する。未精算の方には連絡する。'],
    ['消去する', '全件入力済みを確かめてから端末のデータを消去。用紙は院内の規程どおり保管。']
  ],
  contacts: '困ったときの連絡先',
  contactRows: ['院内責任者', '電子カルテ業者', 'ネットワーク業者'],
  contactColumns: ['', '氏名・会社名', '電話']
} as const;

export const DAY_LOG = {
  date: '診療日',
  count: '受付',
  countUnit: '件',
  total: '金額合計',
  columns: {
    queue: '番号',
    time: '受付',
    name: '氏名',
    visitType: '区分',
    status: '状態',
    memo: 'メモ',
    bill: '会計',
    amount: '金額（円）'
  },
  yen: '円',
  memoYes: '有',
  memoNo: '—',
  none: '受付はありません',
  byBillState: '会計の内訳'
} as const;
