// Seeded sample data for the paper tests: a clinic, deposits, memos and a day's log, generated rather than pasted.
import { createRng, type Rng } from '../fixtures/synthetic';
import type { Clinic, DayLogInput, DepositSlipInput, VisitMemo } from './model';

export const clinic: Clinic = {
  name: '髙橋内科クリニック',
  address: '東京都世田谷区桜新町1-2-3 﨑山ビル2階',
  phone: '03-1234-5678',
  medicalInstitutionCode: '1312345678'
};

const FAMILY = ['山田', '髙橋', '佐藤', '鈴木', '田中', '渡邉', '山﨑', '伊藤', '中村', '小林'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜', '翔', '結衣', '大輔', 'さくら'];
const COMPLAINTS = [
  '発熱と咳',
  'のどの痛み',
  '腹痛・下痢',
  '頭痛',
  '高血圧の定期受診',
  '皮疹とかゆみ',
  'めまい'
];
const DRUGS = [
  ['カロナール錠', '200mg', '1回2錠', '1日3回毎食後', '5'],
  ['ムコダイン錠', '500mg', '1回1錠', '1日3回毎食後', '7'],
  ['アムロジピン錠', '5mg', '1回1錠', '1日1回朝食後', '28'],
  ['ビオフェルミン錠', '12mg', '1回1錠', '1日3回毎食後', '5']
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

export function depositInput(overrides: Partial<DepositSlipInput> = {}): DepositSlipInput {
  return {
    clinic,
    drill: false,
    serial: 'A-0003',
    receivedAt: '2025-11-15T10:42',
    patientName: '山田 太郎',
    patientKana: 'やまだ たろう',
    patientId: '000123',
    amount: 3000,
    method: '現金',
    receiver: '髙橋 﨑子',
    reason: 'オンライン資格確認ができず、診療費を確定できないため',
    settleBy: '2025-11-29',
    ...overrides
  };
}

export function memo(i: number, rng: Rng = createRng(i + 1)): VisitMemo {
  const rand = rng.next;
  const pick = rng.pick;
  const minutes = 9 * 60 + i * 3;
  const at = `2025-11-15T${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
  const rx = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(DRUGS));
  return {
    serial: `M-${String(i + 1).padStart(4, '0')}`,
    queueNumber: i + 1,
    arrivedAt: at,
    patientName: `${pick(FAMILY)} ${pick(GIVEN)}`,
    patientKana: 'かな しめい',
    patientId: String(1000 + i),
    birthDate: `19${50 + Math.floor(rand() * 50)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
    sex: rand() < 0.5 ? '男' : '女',
    department: '内科',
    subjective: {
      chiefComplaint: pick(COMPLAINTS),
      presentIllness:
        '3日前から症状あり。市販薬で改善せず来院。食欲はやや低下、水分は摂れている。家族に同様の症状なし。',
      medications: 'お薬手帳あり：アムロジピン錠5mg 1日1回',
      allergies: rand() < 0.3 ? 'ペニシリン系（発疹）' : 'なし'
    },
    objective: {
      temperature: (36 + rand() * 3).toFixed(1),
      bloodPressure: `${110 + Math.floor(rand() * 40)}/${65 + Math.floor(rand() * 20)}`,
      pulse: String(60 + Math.floor(rand() * 40)),
      spo2: String(94 + Math.floor(rand() * 6)),
      respiratoryRate: String(12 + Math.floor(rand() * 8)),
      height: '',
      weight: (45 + rand() * 40).toFixed(1),
      findings: '咽頭発赤軽度、扁桃腫大なし。胸部聴診で異常音なし。腹部平坦・軟、圧痛なし。'
    },
    assessment: '急性上気道炎（疑い）',
    plan: {
      prescriptions: rx.map(([drug, strength, dose, usage, days], k) => ({
        drug,
        strength,
        dose,
        usage,
        days,
        dispensing: k % 2 ? 'inHouse' : 'outside'
      })),
      procedures: '',
      tests: [
        { name: '迅速抗原検査（インフルエンザ）', state: 'done' },
        { name: '血液検査（CBC, CRP）', state: 'ordered' }
      ],
      injections: '',
      guidance: '水分をよく摂り、安静に。3日たっても熱が下がらない場合は再受診。',
      nextAppointment: '必要時',
      documents: { prescription: true, referral: false, certificate: i % 5 === 0, other: '' }
    },
    revisions: i % 3,
    author: '医師 﨑田',
    writtenAt: at
  };
}

export function dayLogInput(count: number): DayLogInput {
  const rng = createRng(42);
  const rand = rng.next;
  const states = ['精算済', '預り金', '後日精算'];
  return {
    clinic,
    drill: false,
    date: '2025-11-15',
    printedAt: '2025-11-15T18:30',
    rows: Array.from({ length: count }, (_, i) => {
      const m = memo(i, rng);
      const bill = rng.pick(states);
      return {
        queueNumber: i + 1,
        arrivedAt: m.arrivedAt,
        patientName: m.patientName,
        visitType: rand() < 0.3 ? '初診' : '再診',
        status: '帰宅',
        hasMemo: i % 4 !== 0,
        billState: bill,
        amount: bill === '後日精算' ? null : 1000 * (1 + Math.floor(rand() * 9))
      };
    })
  };
}
