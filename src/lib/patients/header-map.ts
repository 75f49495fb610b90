// Which CSV column holds which roster field: recognising Japanese and English headers, and checking a mapping.
import type { Problem } from '../result';
import type { MessageKey } from '../i18n/keys';
import { searchKey } from './kana';

/** Every Patient field a roster file can carry (id is derived, never read). */
export const ROSTER_FIELDS = [
  'patientNo',
  'name',
  'kana',
  'birthDate',
  'sex',
  'insurerNo',
  'cardSymbol',
  'cardNumber',
  'branch',
  'copayRate',
  'address',
  'phone',
  'allergies'
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Field → 0-based column index, or null when the file has no such column. The user may edit it. */
export type ColumnMapping = Record<RosterField, number | null>;

/** Without these a row cannot become a patient. */
export const REQUIRED_FIELDS = ['patientNo', 'name', 'birthDate'] as const satisfies readonly RosterField[];

/** Header spellings per field, compared after headerKey() folding (width, kana, case, brackets). */
const SYNONYMS: Record<RosterField, readonly string[]> = {
  patientNo: [
    '患者番号',
    '患者ID',
    '患者No',
    '患者NO.',
    'カルテ番号',
    'カルテNo',
    'カルテNO.',
    'カルテID',
    '診察券番号',
    'ID',
    'patientNo',
    'patient number',
    'patient_id',
    'patientId',
    'chartNo',
    'chart number',
    'MRN'
  ],
  name: ['氏名', '患者氏名', '名前', '患者名', '漢字氏名', '氏名(漢字)', 'name', 'patient name', 'full name'],
  kana: [
    'フリガナ',
    'カナ',
    'カナ氏名',
    'ふりがな',
    '氏名カナ',
    '氏名(カナ)',
    'カナ名',
    'フリガナ氏名',
    '患者カナ',
    'よみ',
    'kana',
    'furigana',
    'name kana',
    'reading'
  ],
  birthDate: [
    '生年月日',
    '誕生日',
    '生年月日(西暦)',
    '生年月日(和暦)',
    'birthDate',
    'birth date',
    'date of birth',
    'DOB',
    'birthday'
  ],
  sex: ['性別', '性', 'sex', 'gender'],
  insurerNo: ['保険者番号', '保険者No', 'insurerNo', 'insurer number', 'insurer'],
  cardSymbol: ['記号', '被保険者証記号', '保険証記号', '被保険者記号', 'symbol', 'card symbol'],
  cardNumber: [
    '番号',
    '被保険者証番号',
    '保険証番号',
    '被保険者番号',
    'card number',
    'cardNo',
    'insured number'
  ],
  branch: ['枝番', '枝番号', 'branch', 'branch number', 'branchNo'],
  copayRate: ['負担割合', '負担率', '自己負担割合', '負担', 'copay', 'copay rate', 'copayRate', 'copayment'],
  address: ['住所', '現住所', '住所1', 'address'],
  phone: [
    '電話',
    '電話番号',
    '連絡先',
    '連絡先電話番号',
    '自宅電話',
    '携帯電話',
    'TEL',
    'phone',
    'telephone',
    'phone number'
  ],
  allergies: ['アレルギー', 'アレルギー情報', 'アレルギー歴', '禁忌', 'allergy', 'allergies']
};

/** Fallbacks for headers that merely contain a telling word ("連絡先TEL(自宅)"), tried second. */
const CONTAINS: [RosterField, string][] = [
  ['kana', 'カナ'],
  ['kana', 'フリガナ'],
  ['birthDate', '生年月日'],
  ['insurerNo', '保険者番号'],
  ['patientNo', '患者番号'],
  ['patientNo', 'カルテ'],
  ['name', '氏名'],
  ['phone', '電話'],
  ['phone', 'TEL'],
  ['address', '住所'],
  ['allergies', 'アレルギー']
];

/** A header folded for comparison: searchKey plus brackets, underscores, dots and hyphens removed. */
export function headerKey(header: string): string {
  return searchKey(header).replace(/[()[\]{}（）【】「」_.-]/g, '');
}

const EXACT = new Map<string, RosterField>();
for (const field of ROSTER_FIELDS)
  for (const spelling of SYNONYMS[field]) EXACT.set(headerKey(spelling), field);

export function emptyMapping(): ColumnMapping {
  return Object.fromEntries(ROSTER_FIELDS.map((field) => [field, null])) as ColumnMapping;
}

/**
 * Guess the mapping from a header row: exact spellings first, then telling words; each column
 * serves at most one field and each field takes the first column that fits.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = emptyMapping();
  const used = new Set<number>();
  const keys = headers.map(headerKey);
  keys.forEach((key, column) => {
    const field = EXACT.get(key);
    if (field && mapping[field] === null) {
      mapping[field] = column;
      used.add(column);
    }
  });
  for (const [field, word] of CONTAINS) {
    if (mapping[field] !== null) continue;
    const folded = headerKey(word);
    const column = keys.findIndex((key, i) => !used.has(i) && key.includes(folded));
    if (column >= 0) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

/** How many fields a header row maps to: tells the header row from a title line above it. */
export function mappedFieldCount(mapping: ColumnMapping): number {
  return ROSTER_FIELDS.filter((field) => mapping[field] !== null).length;
}

const MISSING: Record<(typeof REQUIRED_FIELDS)[number], MessageKey> = {
  patientNo: 'patients.error.mappingMissing.patientNo',
  name: 'patients.error.mappingMissing.name',
  birthDate: 'patients.error.mappingMissing.birthDate'
};

/** Problems with a (possibly user-edited) mapping: required fields unmapped, a column used twice. */
export function checkMapping(mapping: ColumnMapping, columnCount: number): Problem[] {
  const problems: Problem[] = [];
  for (const field of REQUIRED_FIELDS)
    if (mapping[field] === null) problems.push({ key: MISSING[field], field });
  const seen = new Map<number, RosterField>();
  for (const field of ROSTER_FIELDS) {
    const column = mapping[field];
    if (column === null) continue;
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) {
      problems.push({ key: 'patients.error.mappingColumnMissing', values: { column: column + 1 }, field });
      continue;
    }
    if (seen.has(column))
      problems.push({ key: 'patients.error.mappingColumnTwice', values: { column: column + 1 }, field });
    else seen.set(column, field);
  }
  return problems;
}
