// レセコン入力用の詳細: what back-entry into the claims computer (ORCA in most clinics) needs beyond the desk's
// fields — 郵便番号・住所, 保険種別, 被保険者氏名, 資格取得日 and up to four 公費 — and their checks. Every
// check here is a warning beside the field, never a reason to refuse registration: the value is kept as typed.
import { fail, ok, type FieldProblems, type Problem, type Result } from '../result';
import { isPhoneNumber } from '../values';
import { normalizeSpaces, toHalfWidthAscii } from '../patients/kana';
import {
  cleanNumber,
  INSURANCE_LAW_CODES,
  longRecipientNo,
  validateInsurerNo,
  validatePublicPayerNo,
  validateRecipientNo
} from '../patients/insurer-number';
import { cleanCode } from '../patients/roster-values';
import { cutTo } from '../patients/desk-rules';
import { isRealIsoDate } from '../patients/wareki';
import {
  insuranceKinds,
  MAX_PUBLICS,
  type InsuranceKind,
  type PublicCert,
  type PublicPeriod,
  type RececonDetails
} from './model';

export const ADDRESS_MAX = 200;
export const INSURED_NAME_MAX = 60;

export const emptyPublicCert: PublicCert = { payerNo: '', recipientNo: '', validFrom: '', validUntil: '' };

export function emptyRececon(): RececonDetails {
  return {
    postalCode: '',
    address: '',
    insuranceKind: '',
    insuredName: '',
    qualifiedOn: '',
    firstPublic: { validFrom: '', validUntil: '' },
    morePublics: []
  };
}

/** The details as a form holds them: drafts written before a field existed may lack it. */
export function receconOf(value: Partial<RececonDetails> | null | undefined): RececonDetails {
  const empty = emptyRececon();
  return {
    ...empty,
    ...value,
    firstPublic: { ...empty.firstPublic, ...value?.firstPublic },
    morePublics: (value?.morePublics ?? []).map((p) => ({ ...emptyPublicCert, ...p }))
  };
}

/** Add a 公費 row; refused once the first 公費 and the added ones make four. */
export function addPublic(details: RececonDetails): Result<RececonDetails> {
  if (1 + details.morePublics.length >= MAX_PUBLICS)
    return fail({ key: 'reception.rececon.publicMax', values: { max: MAX_PUBLICS } });
  return ok({ ...details, morePublics: [...details.morePublics, { ...emptyPublicCert }] });
}

export function removePublic(details: RececonDetails, index: number): RececonDetails {
  return { ...details, morePublics: details.morePublics.filter((_, i) => i !== index) };
}

/** A field of the details, for a message beside it: `public2.payerNo` is the second 公費's. */
export type RececonField =
  | 'postalCode'
  | 'address'
  | 'insuredName'
  | 'qualifiedOn'
  | 'declPhone'
  | 'publics'
  | `public${number}.${'payerNo' | 'recipientNo' | 'validFrom' | 'validUntil'}`;

/** 郵便番号 as typed (〒, 全角, hyphens, spaces) read as digits: `ok` with 7 digits, or what is wrong with it. */
export type PostalCheck =
  { kind: 'none' } | { kind: 'ok'; value: string } | { kind: 'bad'; value: string; problem: Problem };

export function checkPostalCode(typed: string): PostalCheck {
  const raw = typed.trim();
  if (!raw) return { kind: 'none' };
  const digits = cleanNumber(toHalfWidthAscii(raw).replace(/^〒/, '').replace(/－/g, '-'));
  if (/^\d{7}$/.test(digits)) return { kind: 'ok', value: digits };
  if (/^\d+$/.test(digits))
    return {
      kind: 'bad',
      value: digits,
      problem: { key: 'reception.rececon.postalLength', values: { input: raw, n: digits.length } }
    };
  return {
    kind: 'bad',
    value: raw,
    problem: { key: 'reception.rececon.postalDigits', values: { input: raw } }
  };
}

/**
 * What a valid 保険者番号 says the 保険種別 is: 6 digits 国保, 法別番号 39 後期高齢, 67 国保 (退職者医療),
 * the other medical schemes 社保. Null when the number says nothing (not valid, or no medical scheme).
 */
export function kindFromInsurerNo(insurerNo: string): InsuranceKind | null {
  const valid = validateInsurerNo(insurerNo);
  if (!valid.ok) return null;
  const digits = valid.value;
  if (digits.length === 6) return 'kokuho';
  const law = digits.slice(0, 2);
  if (!INSURANCE_LAW_CODES.has(law)) return null;
  if (law === '39') return 'kouki';
  if (law === '67') return 'kokuho';
  return 'shaho';
}

/** A phone number as typed (the 申立書's): the desk's phone rule, as a warning; null when fine or empty. */
export function checkPhone(typed: string): Problem | null {
  const phone = cleanCode(typed);
  return phone && !isPhoneNumber(phone) ? { key: 'reception.error.phone', field: 'declPhone' } : null;
}

/** What the details' checks read from the rest of the form. */
export interface RececonContext {
  /** Today, ISO yyyy-mm-dd (local). */
  today: string;
  /** The first 公費's numbers, typed in the insurance section. */
  firstPayerNo: string;
  firstRecipientNo: string;
  /** The phone number written on a 被保険者資格申立書, when one was taken. */
  declarationPhone?: string;
}

/** The details cleaned for storing, and a warning per field that needs a second look. */
export interface RececonRead {
  value: RececonDetails;
  warnings: FieldProblems<RececonField>;
}

function checkPeriod(
  period: PublicPeriod,
  prefix: `public${number}`,
  warn: (field: RececonField, problem: Problem) => void
): PublicPeriod {
  const out = { validFrom: period.validFrom.trim(), validUntil: period.validUntil.trim() };
  const fromOk = !out.validFrom || isRealIsoDate(out.validFrom);
  const untilOk = !out.validUntil || isRealIsoDate(out.validUntil);
  if (!fromOk) warn(`${prefix}.validFrom`, { key: 'reception.error.date' });
  if (!untilOk) warn(`${prefix}.validUntil`, { key: 'reception.error.date' });
  if (fromOk && untilOk && out.validFrom && out.validUntil && out.validFrom > out.validUntil)
    warn(`${prefix}.validUntil`, {
      key: 'reception.rececon.dateOrder',
      values: { from: out.validFrom, until: out.validUntil }
    });
  return out;
}

function checkPublicNumbers(
  cert: Pick<PublicCert, 'payerNo' | 'recipientNo'>,
  prefix: `public${number}`,
  warn: (field: RececonField, problem: Problem) => void
): Pick<PublicCert, 'payerNo' | 'recipientNo'> {
  const payerNo = cleanNumber(toHalfWidthAscii(cert.payerNo));
  const recipientNo = cleanNumber(toHalfWidthAscii(cert.recipientNo));
  if (payerNo) {
    const payer = validatePublicPayerNo(payerNo);
    if (!payer.ok) warn(`${prefix}.payerNo`, payer.error);
  }
  if (recipientNo) {
    const recipient = validateRecipientNo(recipientNo);
    if (!recipient.ok) warn(`${prefix}.recipientNo`, recipient.error);
    else {
      const long = longRecipientNo(recipient.value);
      if (long) warn(`${prefix}.recipientNo`, long);
    }
    if (!payerNo) warn(`${prefix}.payerNo`, { key: 'reception.error.payerForRecipient' });
  }
  return { payerNo, recipientNo };
}

/**
 * Read the details as typed: cleaned values to store (numbers in 半角 without hyphens, a 7-digit 郵便番号,
 * text trimmed and cut to what the record holds) and a warning for each value that needs a second look.
 * Nothing here stops a registration; a warning stays beside its field until it is fixed, and the
 * reconciliation CSV names what is still missing for the レセコン.
 */
export function readRececon(
  typed: Partial<RececonDetails> | undefined,
  context: RececonContext
): RececonRead {
  const details = receconOf(typed);
  const warnings: FieldProblems<RececonField> = {};
  const warn = (field: RececonField, problem: Problem) => {
    warnings[field] ??= { ...problem, field };
  };

  const postal = checkPostalCode(details.postalCode);
  if (postal.kind === 'bad') warn('postalCode', postal.problem);
  const postalCode = postal.kind === 'none' ? '' : postal.value;

  const address = cutTo(details.address.replace(/[\r\n\t]+/g, ' ').trim(), ADDRESS_MAX);
  const insuredName = cutTo(normalizeSpaces(details.insuredName), INSURED_NAME_MAX);

  const qualifiedOn = details.qualifiedOn.trim();
  if (qualifiedOn && !isRealIsoDate(qualifiedOn)) warn('qualifiedOn', { key: 'reception.error.date' });
  else if (qualifiedOn > context.today) warn('qualifiedOn', { key: 'reception.error.dateFuture' });

  const firstPublic = checkPeriod(details.firstPublic, 'public1', warn);
  const firstHasNumber = Boolean(context.firstPayerNo.trim() || context.firstRecipientNo.trim());
  if ((firstPublic.validFrom || firstPublic.validUntil) && !firstHasNumber)
    warn('public1.validFrom', { key: 'reception.rececon.periodWithoutNumber' });

  const rows = details.morePublics;
  if (rows.length > MAX_PUBLICS - 1)
    warn('publics', { key: 'reception.rececon.publicMax', values: { max: MAX_PUBLICS } });
  const morePublics: PublicCert[] = [];
  rows.slice(0, MAX_PUBLICS - 1).forEach((row, i) => {
    const prefix = `public${i + 2}` as const;
    const numbers = checkPublicNumbers(row, prefix, warn);
    const period = checkPeriod(row, prefix, warn);
    const cert = { ...numbers, ...period };
    if (cert.payerNo || cert.recipientNo || cert.validFrom || cert.validUntil) {
      if (!cert.payerNo && !cert.recipientNo)
        warn(`${prefix}.payerNo`, { key: 'reception.rececon.periodWithoutNumber' });
      morePublics.push(cert);
    }
  });

  const phone = checkPhone(context.declarationPhone ?? '');
  if (phone) warn('declPhone', phone);

  return {
    value: {
      postalCode,
      address,
      insuranceKind: insuranceKinds.includes(details.insuranceKind as InsuranceKind)
        ? details.insuranceKind
        : '',
      insuredName,
      qualifiedOn,
      firstPublic,
      morePublics
    },
    warnings
  };
}

/** Whether nothing was entered: such details are not stored (records made before they existed look the same). */
export function isEmptyRececon(details: RececonDetails): boolean {
  return (
    !details.postalCode &&
    !details.address &&
    !details.insuranceKind &&
    !details.insuredName &&
    !details.qualifiedOn &&
    !details.firstPublic.validFrom &&
    !details.firstPublic.validUntil &&
    details.morePublics.length === 0
  );
}

/**
 * Every 公費 of an arrival in order, up to four: the first from the insurance section (with its validity
 * from the details), then the details' own. A first 公費 with no number is left out.
 */
export function publicsOf(arrival: {
  insurance: { publicPayerNo: string; publicRecipientNo: string };
  rececon?: RececonDetails | null;
}): PublicCert[] {
  const details = receconOf(arrival.rececon);
  const first: PublicCert = {
    payerNo: arrival.insurance.publicPayerNo,
    recipientNo: arrival.insurance.publicRecipientNo,
    ...details.firstPublic
  };
  const all = [...(first.payerNo || first.recipientNo ? [first] : []), ...details.morePublics];
  return all.slice(0, MAX_PUBLICS);
}
