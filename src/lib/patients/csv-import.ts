// Roster files from the EHR: encoding detection (UTF-8 or Shift_JIS/CP932), CSV parsing, and rows to patients.
// Default imports: both packages are CommonJS, which plain Node only exposes as a default export.
import Encoding from 'encoding-japanese';
import Papa from 'papaparse';
import { fail, ok, type Problem, type Result } from '../result';
import { looksMixedUtf8, unreadableKind, type UnreadableKind } from './encoding-sniff';
import { guessMapping, mappedFieldCount, type ColumnMapping } from './header-map';
import { normalizeKana, normalizeSpaces, isZenkakuKana } from './kana';
import { patientIdOf, type Patient, type RosterEncoding } from './model';
import { restoreInsurerNo, validateInsurerNo, cleanNumber } from './insurer-number';
import { cleanBranch, cleanCode, cleanPatientNo, cleanText, parseCopayRate, parseSex } from './roster-values';
import { findQuoteDamage, quoteDamageProblem, type QuoteDamage } from './quote-damage';
import { parseBirthDate } from './wareki';
import { birthDateRange, CARD_CODE_MAX, cutTo, isDeskBranch, isDeskPhone, NAME_MAX } from './desk-rules';

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
}

/** What to tell the user when a file's encoding is one the import cannot read. */
const UNREADABLE: Record<UnreadableKind | 'mixedBom' | 'mixed', Problem> = {
  utf16: { key: 'patients.import.error.utf16' },
  excel: { key: 'patients.import.error.excel' },
  mixedBom: { key: 'patients.import.error.mixedBom' },
  mixed: { key: 'patients.import.error.mixed' }
};

/**
 * Bytes of a roster file to text. A UTF-8 BOM settles it; otherwise bytes that are valid UTF-8
 * are UTF-8 (plain ASCII included) and anything else is read as Shift_JIS in its Windows form
 * (CP932), so NEC and IBM extensions such as ①, ㈱, 髙 and 﨑 come out right. UTF-16, an Excel
 * workbook, a UTF-8 BOM in front of bytes that are not UTF-8, and UTF-8 with stray bytes of
 * another encoding are refused with a problem saying so: read as Shift_JIS they would only be
 * mojibake, and the user would be asked to pick columns from it.
 */
export function decodeRosterFile(bytes: Uint8Array): Result<DecodedRoster> {
  const unreadable = unreadableKind(bytes);
  if (unreadable) return fail(UNREADABLE[unreadable]);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
      return ok({ text, encoding: 'UTF-8-BOM' });
    } catch {
      return fail(UNREADABLE.mixedBom);
    }
  }
  if (bytes.length === 0 || Encoding.detect(bytes, 'UTF8') === 'UTF8')
    return ok({ text: new TextDecoder('utf-8').decode(bytes), encoding: 'UTF-8' });
  if (looksMixedUtf8(bytes)) return fail(UNREADABLE.mixed);
  return ok({ text: decodeShiftJis(bytes), encoding: 'SJIS' });
}

/**
 * The platform's WHATWG Shift_JIS decoder is CP932 and some thirty times faster than a
 * JavaScript table walk on a 50,000-row file; encoding-japanese (same mapping for valid bytes)
 * stands in where the platform lacks it.
 */
export function decodeShiftJis(bytes: Uint8Array, preferPlatform = true): string {
  if (preferPlatform) {
    try {
      return new TextDecoder('shift_jis').decode(bytes);
    } catch {
      // RangeError: this runtime has no Shift_JIS decoder; fall through.
    }
  }
  return Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS', type: 'string' });
}

export interface ParsedRoster {
  /** Header cells, as written. */
  headers: string[];
  /**
   * Data rows (cells as strings), after the header row, one per row of the file: a blank line in
   * the middle stays as a blank row (importRows skips it) so the rows after it keep their numbers.
   */
  rows: string[][];
  /** Row number (1-based, as a spreadsheet shows it) of rows[0]. */
  firstRowNumber: number;
  /** The mapping guessed from the headers, for the user to confirm or change. */
  mapping: ColumnMapping;
  /** Cells whose quote ran away with the rows after them; empty for a sound file. */
  damage: QuoteDamage[];
}

/** How many leading non-blank lines may precede the header row (an export title, a date line). */
const HEADER_SEARCH_ROWS = 10;

const DELIMITERS = [',', '\t', ';'];

const isBlankRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/**
 * Parse CSV (or tab-separated) text. The header row is the first of the leading rows whose cells
 * map to the most fields, so a title line above the headers does not confuse the import. Blank
 * lines are kept as rows, so row numbers are the file's own (a cell with a line break in quotes
 * is one row, as a spreadsheet shows it); blank lines at the end are dropped. A quote that opens
 * a cell and runs on over the rows after it is reported in `damage` (see quote-damage.ts): the
 * parse itself cannot tell where the writer meant it to close.
 */
export function parseRosterCsv(text: string): ParsedRoster {
  // The delimiter is guessed as before, blank lines ignored; the parse itself keeps them.
  const { delimiter } = Papa.parse<string[]>(text, {
    preview: 1,
    skipEmptyLines: 'greedy',
    delimitersToGuess: DELIMITERS
  }).meta;
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter, skipEmptyLines: false });
  const all = parsed.data;
  let end = all.length;
  while (end > 0 && isBlankRow(all[end - 1]!)) end--;
  let headerIndex = 0;
  let best = -1;
  for (let i = 0, looked = 0; i < end && looked < HEADER_SEARCH_ROWS; i++) {
    if (isBlankRow(all[i]!)) continue;
    looked++;
    const count = mappedFieldCount(guessMapping(all[i]!));
    if (count > best) {
      best = count;
      headerIndex = i;
    }
  }
  const headers = headerIndex < end ? all[headerIndex]!.map((cell) => cell.trim()) : [];
  const unterminated = new Set(
    parsed.errors.filter((e) => e.code === 'MissingQuotes' && e.row !== undefined).map((e) => e.row!)
  );
  return {
    headers,
    rows: all.slice(headerIndex + 1, end),
    firstRowNumber: headerIndex + 2,
    mapping: guessMapping(headers),
    // Without a quote in the file no cell can run away: skip the walk over every cell.
    damage: text.includes('"')
      ? findQuoteDamage(all.slice(0, end), headerIndex, delimiter, headers, unterminated)
      : []
  };
}

export interface RejectedRow {
  /** Row number as a spreadsheet shows it (the header row is 1 when it is the first line). */
  rowNumber: number;
  reason: Problem;
  raw: string[];
}

/** Something in a row that was kept but may need a look (an unknown 性別, a bad 保険者番号). */
export interface RowWarning {
  rowNumber: number;
  reason: Problem;
}

export interface ImportOptions {
  /** Row number of rows[0]; 2 when the header is the file's first line. */
  firstRowNumber?: number;
  /**
   * Today (ISO yyyy-mm-dd); when given, a birth date after it (or before 1900) is flagged as one
   * reception will refuse. The row is still imported: the patient must be findable in an outage.
   */
  today?: string;
  /** Runaway quoted cells found by parseRosterCsv: their rows are rejected, saying what happened. */
  damage?: readonly QuoteDamage[];
}

export interface ImportResult {
  patients: Patient[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

/**
 * Rows to patients. A row whose quoted cell ran away with the rows after it (options.damage), a
 * row without 患者番号 or 氏名, or whose 生年月日 cannot be read, is rejected with its reason;
 * so is a second row with a 患者番号 already seen in the file. Other oddities keep the row and
 * add a warning. Ids come from 患者番号, so importing again replaces.
 */
export function importRows(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ImportOptions = {}
): ImportResult {
  const firstRowNumber = options.firstRowNumber ?? 2;
  const patients: Patient[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: RowWarning[] = [];
  const firstRowOf = new Map<string, number>();
  const damageAt = new Map((options.damage ?? []).map((d) => [d.rowNumber, d]));
  const cellOf = (row: readonly string[], column: number | null) =>
    column === null ? '' : (row[column] ?? '').trim();

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const rowNumber = firstRowNumber + r;
    if (row.every((cell) => cell.trim() === '')) continue;
    const cell = (field: keyof ColumnMapping) => cellOf(row, mapping[field]);
    const reject = (reason: Problem) => rejected.push({ rowNumber, reason, raw: [...row] });
    const warn = (reason: Problem) => warnings.push({ rowNumber, reason });

    // One cell of this row holds the rows after it: nothing in the row can be trusted.
    const damaged = damageAt.get(rowNumber);
    if (damaged) {
      reject(quoteDamageProblem(damaged));
      continue;
    }

    const patientNo = cleanPatientNo(cell('patientNo'));
    if (patientNo === '') {
      reject({ key: 'patients.error.patientNoMissing', field: 'patientNo' });
      continue;
    }
    let name = normalizeSpaces(cell('name'));
    if (name === '') {
      reject({ key: 'patients.error.nameMissing', values: { patientNo }, field: 'name' });
      continue;
    }
    const birth = parseBirthDate(cell('birthDate'));
    if (!birth.ok) {
      reject(birth.error);
      continue;
    }
    const firstRow = firstRowOf.get(patientNo);
    if (firstRow !== undefined) {
      reject({
        key: 'patients.error.duplicatePatientNo',
        values: { patientNo, firstRow },
        field: 'patientNo'
      });
      continue;
    }
    firstRowOf.set(patientNo, rowNumber);

    // Values reception's arrival form would refuse (desk-rules.ts) are flagged here, not found at
    // the desk mid-outage. The row is kept so the patient can still be found; only a name too long
    // to register is cut, everything else is kept as the EHR wrote it for staff to read and fix.
    if (name.length > NAME_MAX) {
      warn({
        key: 'patients.warning.nameTooLong',
        values: { length: name.length.toLocaleString('ja-JP'), max: NAME_MAX, value: excerpt(name) },
        field: 'name'
      });
      name = cutTo(name, NAME_MAX);
    }

    const kana = normalizeKana(cell('kana'));
    if (kana !== '' && !isZenkakuKana(kana))
      warn({ key: 'patients.warning.kanaNotKatakana', values: { value: excerpt(kana) }, field: 'kana' });

    if (options.today !== undefined) {
      const range = birthDateRange(birth.value, options.today);
      const values = { input: cell('birthDate') };
      if (range === 'future') warn({ key: 'patients.warning.birthDateFuture', values, field: 'birthDate' });
      if (range === 'tooEarly')
        warn({ key: 'patients.warning.birthDateTooEarly', values, field: 'birthDate' });
    }

    const sexText = cell('sex');
    let sex = parseSex(sexText);
    if (sex === null) {
      warn({ key: 'patients.warning.sexUnknown', values: { value: sexText }, field: 'sex' });
      sex = '';
    }

    const copayText = cell('copayRate');
    let copayRate = parseCopayRate(copayText);
    if (copayRate === undefined) {
      warn({ key: 'patients.warning.copayUnknown', values: { value: copayText }, field: 'copayRate' });
      copayRate = null;
    }

    const insurerNo = readInsurerNo(cell('insurerNo'), warn);
    const cardSymbol = cleanCode(cell('cardSymbol'));
    const cardNumber = cleanCode(cell('cardNumber'));
    for (const [field, value] of [
      ['cardSymbol', cardSymbol],
      ['cardNumber', cardNumber]
    ] as const) {
      if (value.length > CARD_CODE_MAX)
        warn({
          key: `patients.warning.${field}TooLong`,
          values: { length: value.length.toLocaleString('ja-JP'), max: CARD_CODE_MAX, value: excerpt(value) },
          field
        });
    }
    const branch = cleanBranch(cell('branch'));
    if (!isDeskBranch(branch))
      warn({ key: 'patients.warning.branchInvalid', values: { value: excerpt(branch) }, field: 'branch' });
    const phone = cleanCode(cell('phone'));
    if (!isDeskPhone(phone))
      warn({ key: 'patients.warning.phoneInvalid', values: { value: excerpt(phone) }, field: 'phone' });

    patients.push({
      id: patientIdOf(patientNo),
      patientNo,
      name,
      kana,
      birthDate: birth.value,
      sex,
      insurerNo,
      cardSymbol,
      cardNumber,
      branch,
      copayRate,
      address: cleanText(cell('address')),
      phone,
      allergies: cleanText(cell('allergies'))
    });
  }
  return { patients, rejected, warnings };
}

/** A value as a report line quotes it: a runaway 1,000-character cell is not printed whole. */
function excerpt(value: string): string {
  return value.length > EXCERPT ? `${cutTo(value, EXCERPT)}…` : value;
}
const EXCERPT = 30;

/** A valid number as digits; a zero lost to a spreadsheet restored; anything else kept and warned. */
function readInsurerNo(text: string, warn: (reason: Problem) => void): string {
  if (text === '') return '';
  const valid = validateInsurerNo(text);
  if (valid.ok) return valid.value;
  const restored = restoreInsurerNo(text);
  if (restored !== null) {
    warn({
      key: 'patients.warning.insurerNoZeroRestored',
      values: { value: text, restored },
      field: 'insurerNo'
    });
    return restored;
  }
  warn(valid.error);
  return cleanNumber(text);
}

/** A roster file, start to guess: decoded, parsed, and a mapping proposed. The caller imports with importRows. */
export function readRosterFile(bytes: Uint8Array): Result<ParsedRoster & { encoding: RosterEncoding }> {
  const decoded = decodeRosterFile(bytes);
  if (!decoded.ok) return decoded;
  return ok({ ...parseRosterCsv(decoded.value.text), encoding: decoded.value.encoding });
}
