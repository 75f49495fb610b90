// The JAHIS 電子版お薬手帳データフォーマット (Ver.2.x, JAHISTCnn) read into a patient, dispensings and notes; unknown records kept raw.
import type { Problem, Result } from '../result';

/** A record the parser does not interpret, kept as it came so it can be shown (never dropped). */
export interface RawRecord {
  line: number;
  recordNo: string;
  fields: string[];
}

export interface NotebookDrug {
  rp: string; // RP番号
  name: string; // 薬品名称
  amount: string; // 用量
  unit: string; // 単位名
  code: string; // 薬品コード (empty when 薬品コード種別 is 1: none)
  notes: string[]; // 薬品補足 (281) and 薬品服用注意 (291)
  usage: string; // 用法名称 (301) of its RP
  quantity: string; // 調剤数量 of its RP: days (日分) or times (回分)
  quantityUnit: string; // 調剤単位
}

export interface Dispensing {
  date: string; // 調剤等年月日, YYYY-MM-DD when it could be read, else as written
  pharmacy: string; // 医療機関等名称 (11): the pharmacy, or the clinic when a clinic dispensed
  pharmacist: string; // 医師・薬剤師氏名 (15)
  prescriber: string; // 処方-医療機関名称 (51)
  doctor: string; // 処方-医師氏名 (55)
  drugs: NotebookDrug[];
  notes: string[]; // 用法補足, 処方服用注意, 服用注意, 提供情報, 残薬確認, 備考, 患者等記入
}

export interface NotebookPatient {
  name: string;
  kana: string;
  sex: 'M' | 'F' | '';
  birthDate: string; // YYYY-MM-DD when it could be read, else as written
}

export interface Notebook {
  version: string; // JAHISTCnn
  patient: NotebookPatient;
  /** 患者特記 (2): allergies, side effects, past illnesses, other; each with its kind. */
  remarks: { kind: 'allergy' | 'sideEffect' | 'history' | 'other'; text: string }[];
  dispensings: Dispensing[];
  unknown: RawRecord[];
}

/** The version headers of the 2.x series as JAHIS numbered them (TC01 is the Ver.1 format). */
export const KNOWN_VERSIONS = [
  'JAHISTC02',
  'JAHISTC03',
  'JAHISTC04',
  'JAHISTC05',
  'JAHISTC06',
  'JAHISTC07',
  'JAHISTC08'
];

const ERAS: Record<string, number> = { M: 1867, T: 1911, S: 1925, H: 1988, R: 2018 };

/** 'R020410' (和暦: era letter + YYMMDD) or '20200410' as '2020-04-10'; anything else as written. */
export function notebookDate(text: string): string {
  const western = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (western) return `${western[1]}-${western[2]}-${western[3]}`;
  const era = /^([MTSHR])(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (era) return `${(ERAS[era[1] ?? ''] ?? 0) + Number(era[2])}-${era[3]}-${era[4]}`;
  return text;
}

/** The lines of the text: CRLF as the format sets it, LF or CR as copied by hand; the EOF mark and blank lines dropped. */
function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .map((l) => (l.endsWith('\u001a') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '');
}

const refuse = (key: 'empty' | 'header' | 'record' | 'nothing', values?: Record<string, string | number>) =>
  ({ ok: false, error: { key: `visits.med.error.${key}`, values } }) as const satisfies Result<never>;

/** Split control (分割制御レコード 911): データ固有ID, 分割数, データ連番. */
export interface Part {
  dataId: string;
  total: number;
  index: number;
  text: string;
}

/** The 911 record of one scanned code, or null for data that is not split. */
export function partOf(text: string): Part | null {
  for (const line of lines(text)) {
    const f = line.split(',');
    if (f[0] === '911' && /^\d+$/.test(f[2] ?? '') && /^\d+$/.test(f[3] ?? ''))
      return { dataId: f[1] ?? '', total: Number(f[2]), index: Number(f[3]), text };
  }
  return null;
}

/**
 * Several codes of one split data (each starts with the version line and ends with its 911 record,
 * Ver.2.x 3.2.9): joined in データ連番 order whatever order they were read in; the version line of the
 * later parts and every 911 record dropped. Missing parts are a problem naming them.
 */
export function joinParts(parts: readonly Part[]): Result<string> {
  const first = parts[0];
  if (!first) return refuse('empty');
  const ordered = [
    ...new Map(parts.filter((p) => p.dataId === first.dataId).map((p) => [p.index, p])).values()
  ].sort((a, b) => a.index - b.index);
  const missing: number[] = [];
  for (let i = 1; i <= first.total; i++) if (!ordered.some((p) => p.index === i)) missing.push(i);
  if (missing.length > 0)
    return {
      ok: false,
      error: { key: 'visits.med.error.parts', values: { missing: missing.join(', '), total: first.total } }
    };
  const body = ordered.flatMap((p, i) =>
    lines(p.text).filter((l, n) => !(i > 0 && n === 0) && !l.startsWith('911,'))
  );
  return { ok: true, value: body.join('\r\n') };
}

const REMARK_KINDS: Record<string, Notebook['remarks'][number]['kind']> = {
  '1': 'allergy',
  '2': 'sideEffect',
  '3': 'history'
};

/** Records of an RP whose text is a note on the last drug (281 薬品補足, 291 薬品服用注意). */
const DRUG_NOTES = new Set(['281', '291']);
/** Records whose text (at the given field) is a note of the dispensing. */
const DISPENSING_NOTES: Record<string, number> = {
  '311': 2,
  '391': 2,
  '401': 1,
  '411': 1,
  '421': 1,
  '501': 1,
  '601': 1
};

/** Reads the text of an お薬手帳 (already decoded from CP932). Malformed input is refused with the reason. */
export function parseNotebook(text: string): Result<Notebook, Problem> {
  const all = lines(text);
  if (all.length === 0) return refuse('empty');
  const header = (all[0] ?? '').split(',')[0]?.trim() ?? '';
  if (!/^JAHISTC\d{2}$/.test(header)) return refuse('header', { found: header.slice(0, 20) });
  const book: Notebook = {
    version: header,
    patient: { name: '', kana: '', sex: '', birthDate: '' },
    remarks: [],
    dispensings: [],
    unknown: []
  };
  let current: Dispensing | null = null;
  const dispensing = (): Dispensing => {
    current ??= { date: '', pharmacy: '', pharmacist: '', prescriber: '', doctor: '', drugs: [], notes: [] };
    if (!book.dispensings.includes(current)) book.dispensings.push(current);
    return current;
  };
  for (const [i, line] of all.slice(1).entries()) {
    const f = line.split(',');
    const no = (f[0] ?? '').trim();
    const at = (n: number) => (f[n] ?? '').trim();
    if (!/^\d{1,3}$/.test(no)) return refuse('record', { line: i + 2, found: line.slice(0, 20) });
    switch (no) {
      case '1':
        book.patient = {
          name: at(1),
          kana: at(10),
          sex: at(2) === '1' ? 'M' : at(2) === '2' ? 'F' : '',
          birthDate: notebookDate(at(3))
        };
        break;
      case '2':
        book.remarks.push({ kind: REMARK_KINDS[at(1)] ?? 'other', text: at(2) });
        break;
      case '5':
        current = null;
        dispensing().date = notebookDate(at(1));
        break;
      case '11':
        dispensing().pharmacy = at(1);
        break;
      case '15':
        dispensing().pharmacist = at(1);
        break;
      case '51':
        dispensing().prescriber = at(1);
        break;
      case '55':
        dispensing().doctor = at(1);
        break;
      case '201':
        dispensing().drugs.push({
          rp: at(1),
          name: at(2),
          amount: at(3),
          unit: at(4),
          code: at(6),
          notes: [],
          usage: '',
          quantity: '',
          quantityUnit: ''
        });
        break;
      case '301':
        for (const drug of dispensing().drugs.filter((d) => d.rp === at(1) && !d.usage)) {
          drug.usage = at(2);
          drug.quantity = at(3);
          drug.quantityUnit = at(4);
        }
        break;
      case '911':
        break; // split control: the parts were joined before
      default:
        if (DRUG_NOTES.has(no)) {
          const drug = dispensing().drugs.findLast((d) => d.rp === at(1));
          if (drug && at(2)) drug.notes.push(at(2));
          else if (at(2)) dispensing().notes.push(at(2));
        } else if (no in DISPENSING_NOTES) {
          const note = at(DISPENSING_NOTES[no] ?? 1);
          if (note) dispensing().notes.push(note);
        } else book.unknown.push({ line: i + 2, recordNo: no, fields: f.slice(1) });
    }
  }
  if (!book.patient.name && book.dispensings.length === 0) return refuse('nothing');
  return { ok: true, value: book };
}

/**
 * One more scanned (or pasted) text: a whole notebook is taken as it is; a part of split data is kept
 * with the parts of the same data already read, and the whole comes back once every part is there.
 * Until then the problem says how many of how many were read and which are still missing.
 */
export function addScanned(parts: readonly Part[], text: string): { parts: Part[]; result: Result<string> } {
  const part = partOf(text);
  if (!part) {
    const parsed = parseNotebook(text);
    return { parts: [...parts], result: parsed.ok ? { ok: true, value: text } : parsed };
  }
  const same = parts.filter((p) => p.dataId === part.dataId && p.index !== part.index);
  const next = [...same, part];
  const joined = joinParts(next);
  if (joined.ok) return { parts: next, result: joined };
  const missing = Array.from({ length: part.total }, (_, i) => i + 1).filter(
    (i) => !next.some((p) => p.index === i)
  );
  return {
    parts: next,
    result: {
      ok: false,
      error: {
        key: 'visits.med.partsRead',
        values: { read: next.length, total: part.total, missing: missing.join(', ') }
      }
    }
  };
}
