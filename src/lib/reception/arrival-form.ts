// The arrival (受付) form as typed at the desk: filling it from a roster patient, and the check that turns it into stored fields.
import { fail, ok, type FieldProblems, type Problem, type Result } from '../result';
import type { Patient } from '../patients/model';
import { isZenkakuKana, normalizeKana, normalizeSpaces, searchKey } from '../patients/kana';
import {
  cleanNumber,
  longRecipientNo,
  unknownLawCode,
  validateInsurerNo,
  validatePublicPayerNo,
  validateRecipientNo
} from '../patients/insurer-number';
import { cleanBranch, cleanCode, cleanPatientNo } from '../patients/roster-values';
import { birthDateRange, CARD_CODE_MAX, isDeskBranch, isDeskPhone, NAME_MAX } from '../patients/desk-rules';
import { isRealIsoDate, parseBirthDate } from '../patients/wareki';
import { emptyRececon, isEmptyRececon, readRececon, receconOf } from './rececon';
import {
  broughtItems,
  copays,
  eligibilityMethods,
  eligibilityStatuses,
  emptyDeclaration,
  emptyInsurance,
  relations,
  sexes,
  visitTypes,
  type Arrival,
  type ArrivalFields,
  type Brought,
  type Declaration,
  type EligibilityMethod,
  type EligibilityStatus,
  type Insurance,
  type RececonDetails,
  type Sex,
  type VisitType
} from './model';

/** The form exactly as typed; nothing is thrown away when a check fails. */
export interface ArrivalForm {
  /** Roster patient picked, or null for a new patient (新患, not in the roster). */
  patientId: string | null;
  patientNo: string;
  name: string;
  kana: string;
  /** As typed: 1980-01-02, 1980/1/2, S55.1.2, 昭和55年1月2日… */
  birthDate: string;
  sex: Sex;
  phone: string;
  visitType: VisitType | '';
  department: string;
  doctor: string;
  complaint: string;
  brought: Brought[];
  eligibilityMethod: EligibilityMethod | '';
  insurance: Insurance;
  declaration: Required<Declaration>;
  eligibilityStatus: EligibilityStatus;
  paperSerial: string;
  /** The duplicate warning staff answered with "a different person" (its signature), so it is not asked again. */
  duplicateAck: string;
  /**
   * The 保険者番号 as it came from elsewhere: the roster patient picked, or the stored arrival being
   * edited. While the field still holds it, a failed check only warns (staff cannot fix the roster
   * at the desk). Absent on drafts written before this was kept.
   */
  knownInsurerNo?: string;
  /** The 保険者番号 (cleaned) staff chose to keep although its check fails: 「このまま受付する」. */
  insurerNoAck?: string;
  /** The roster's values where they differ from what staff had typed before picking the patient. */
  rosterValues?: RosterValues;
  /** レセコン入力用の詳細 as typed (absent on drafts written before they existed). */
  rececon?: RececonDetails;
}

/** Fields a roster patient fills, which staff may have typed differently before picking them. */
export type RosterField =
  | 'name'
  | 'kana'
  | 'birthDate'
  | 'sex'
  | 'phone'
  | 'insurerNo'
  | 'symbol'
  | 'number'
  | 'branch'
  | 'copay'
  | 'address';
export type RosterValues = Partial<Record<RosterField, string>>;

export type ArrivalField =
  | 'name'
  | 'kana'
  | 'birthDate'
  | 'sex'
  | 'patientNo'
  | 'phone'
  | 'visitType'
  | 'department'
  | 'doctor'
  | 'complaint'
  | 'eligibilityMethod'
  | 'insurerNo'
  | 'symbol'
  | 'number'
  | 'branch'
  | 'validUntil'
  | 'publicPayerNo'
  | 'publicRecipientNo'
  | 'declarationInsurer'
  | 'insuredName'
  | 'declaredAt'
  | 'paperSerial';

/** A blank form; with a single department it is chosen already. */
export function emptyArrivalForm(departments: readonly string[] = []): ArrivalForm {
  return {
    patientId: null,
    patientNo: '',
    name: '',
    kana: '',
    birthDate: '',
    sex: '',
    phone: '',
    visitType: '',
    department: departments.length === 1 ? departments[0]! : '',
    doctor: '',
    complaint: '',
    brought: [],
    eligibilityMethod: '',
    insurance: { ...emptyInsurance },
    declaration: { ...emptyDeclaration },
    eligibilityStatus: 'unconfirmed',
    paperSerial: '',
    duplicateAck: '',
    knownInsurerNo: '',
    insurerNoAck: '',
    rosterValues: {},
    rececon: emptyRececon()
  };
}

/** 住所 as compared: 半角 ASCII, no spaces. */
const addressKey = (text: string) => cleanCode(text).replace(/\s+/g, '');

/** What each roster field reads on the form, and when a typed value and the roster's say the same. */
const rosterFields: {
  field: RosterField;
  same: (typed: string, roster: string) => boolean;
}[] = [
  { field: 'name', same: (a, b) => searchKey(a) === searchKey(b) },
  { field: 'kana', same: (a, b) => searchKey(a) === searchKey(b) },
  {
    field: 'birthDate',
    same: (a, b) => {
      const parsed = parseBirthDate(a);
      return parsed.ok && parsed.value === b;
    }
  },
  { field: 'sex', same: (a, b) => a === b },
  { field: 'phone', same: (a, b) => cleanCode(a).replace(/\D/g, '') === cleanCode(b).replace(/\D/g, '') },
  { field: 'insurerNo', same: (a, b) => cleanNumber(a) === cleanNumber(b) },
  { field: 'symbol', same: (a, b) => cleanCode(a) === cleanCode(b) },
  { field: 'number', same: (a, b) => cleanCode(a) === cleanCode(b) },
  { field: 'branch', same: (a, b) => cleanBranch(a) === cleanBranch(b) },
  { field: 'copay', same: (a, b) => a === b },
  { field: 'address', same: (a, b) => addressKey(a) === addressKey(b) }
];

/** Whether staff had typed any patient or card field the roster would fill (so picking keeps some). */
export function hasTypedRosterFields(form: ArrivalForm): boolean {
  return (
    form.patientId === null && rosterFields.some(({ field }) => rosterFieldValue(form, field).trim() !== '')
  );
}

/** A roster field's value on the form. */
export function rosterFieldValue(form: ArrivalForm, field: RosterField): string {
  switch (field) {
    case 'name':
    case 'kana':
    case 'birthDate':
    case 'sex':
    case 'phone':
      return form[field];
    case 'insurerNo':
    case 'symbol':
    case 'number':
    case 'branch':
    case 'copay':
      return form.insurance[field];
    case 'address':
      return form.rececon?.address ?? '';
  }
}

function withRosterField(form: ArrivalForm, field: RosterField, value: string): ArrivalForm {
  switch (field) {
    case 'name':
    case 'kana':
    case 'birthDate':
    case 'phone':
      return { ...form, [field]: value };
    case 'sex':
      return { ...form, sex: value as Sex };
    case 'copay':
      return { ...form, insurance: { ...form.insurance, copay: value as Insurance['copay'] } };
    case 'insurerNo':
    case 'symbol':
    case 'number':
    case 'branch':
      return { ...form, insurance: { ...form.insurance, [field]: value } };
    case 'address':
      return { ...form, rececon: { ...receconOf(form.rececon), address: value } };
  }
}

/** The roster's values of a patient, as the form holds them. */
function rosterValuesOf(patient: Patient): Record<RosterField, string> {
  return {
    name: patient.name,
    kana: patient.kana,
    birthDate: patient.birthDate,
    sex: patient.sex,
    phone: patient.phone,
    insurerNo: patient.insurerNo,
    symbol: patient.cardSymbol,
    number: patient.cardNumber,
    branch: patient.branch,
    copay: patient.copayRate === null ? '' : String(patient.copayRate),
    address: patient.address
  };
}

/**
 * Fill the patient and insurance fields from a roster patient; the visit fields stay as typed. On a
 * form typed for a new patient (e.g. the duplicate warning's 「この患者で受付する」), nothing typed is
 * thrown away: a field the roster leaves empty keeps what was typed, and where both have a value
 * that differs the typed one stays and the roster's is kept beside it (`rosterValues`) for staff to
 * compare. A form already filled from another roster patient is simply replaced.
 */
export function formFromPatient(form: ArrivalForm, patient: Patient): ArrivalForm {
  const typedByStaff = form.patientId === null;
  const roster = rosterValuesOf(patient);
  const differing: RosterValues = {};
  let next: ArrivalForm = {
    ...form,
    patientId: patient.id,
    patientNo: patient.patientNo,
    visitType: form.visitType || 'return',
    duplicateAck: '',
    knownInsurerNo: patient.insurerNo,
    insurerNoAck: '',
    rosterValues: differing
  };
  for (const { field, same } of rosterFields) {
    const typed = rosterFieldValue(form, field).trim();
    const theirs = roster[field];
    if (typedByStaff && typed !== '' && (theirs === '' || !same(typed, theirs))) {
      if (theirs !== '') differing[field] = theirs;
      continue;
    }
    next = withRosterField(next, field, theirs);
  }
  return next;
}

/** Use the roster's value for a field where staff had typed another: the hint beside it goes. */
export function useRosterValue(form: ArrivalForm, field: RosterField): ArrivalForm {
  const value = form.rosterValues?.[field];
  if (value === undefined) return form;
  const rest: RosterValues = { ...form.rosterValues };
  delete rest[field];
  return { ...withRosterField(form, field, value), rosterValues: rest };
}

/** The roster's value to show beside a field, while the field still says something else. */
export function rosterValueBeside(form: ArrivalForm, field: RosterField): string | null {
  const value = form.rosterValues?.[field];
  if (value === undefined) return null;
  const rule = rosterFields.find((r) => r.field === field);
  const typed = rosterFieldValue(form, field);
  return rule && typed.trim() !== '' && rule.same(typed, value) ? null : value;
}

/** Forget the picked roster patient: the form is for a new patient (新患), patient fields blank. */
export function formForNewPatient(form: ArrivalForm): ArrivalForm {
  return {
    ...form,
    patientId: null,
    patientNo: '',
    name: '',
    kana: '',
    birthDate: '',
    sex: '',
    phone: '',
    visitType: 'first',
    insurance: { ...emptyInsurance },
    duplicateAck: '',
    knownInsurerNo: '',
    insurerNoAck: '',
    rosterValues: {},
    rececon: emptyRececon()
  };
}

/** The form for editing a stored arrival. */
export function formFromArrival(arrival: Arrival): ArrivalForm {
  return {
    patientId: arrival.patientId,
    patientNo: arrival.patientNo,
    name: arrival.name,
    kana: arrival.kana,
    birthDate: arrival.birthDate,
    sex: arrival.sex,
    phone: arrival.phone,
    visitType: arrival.visitType,
    department: arrival.department,
    doctor: arrival.doctor,
    complaint: arrival.complaint,
    brought: [...arrival.brought],
    eligibilityMethod: arrival.eligibilityMethod,
    insurance: { ...emptyInsurance, ...arrival.insurance },
    declaration: { ...emptyDeclaration, ...(arrival.declaration ?? {}) },
    eligibilityStatus: arrival.eligibilityStatus,
    paperSerial: arrival.paperSerial,
    duplicateAck: '',
    // The stored number was accepted when registered: editing other fields does not ask again.
    knownInsurerNo: arrival.insurance.insurerNo,
    insurerNoAck: arrival.insurance.insurerNo,
    rosterValues: {},
    rececon: receconOf(arrival.rececon)
  };
}

/** Read a birth date as typed (西暦 or 和暦) into ISO; not in the future, not before 1900. */
export function readBirthDate(text: string, today: string): Result<string> {
  const parsed = parseBirthDate(text);
  if (!parsed.ok) return parsed;
  const values = { input: text.trim() };
  const range = birthDateRange(parsed.value, today);
  if (range === 'future') return fail({ key: 'reception.error.birthDateFuture', values, field: 'birthDate' });
  if (range === 'tooEarly')
    return fail({ key: 'reception.error.birthDateTooEarly', values, field: 'birthDate' });
  return ok(parsed.value);
}

/** Age in whole years (満年齢) on a day: the roster's one rule, here for the form's age hint. */
export { ageOn } from '../patients/age';

/** An insurance card past its 有効期限 on `today` (both ISO); a note for staff, not a reason to refuse. */
export function isExpired(validUntil: string, today: string): boolean {
  return isRealIsoDate(validUntil) && validUntil < today;
}

/** Methods where the insurer number is printed on what the patient showed, so it must be written down. */
const insurerNoShown: EligibilityMethod[] = ['card', 'certificate'];

/** Methods where nothing showing the insurer number was seen today: it is from memory or an old record. */
const insurerNoUnseen: EligibilityMethod[] = ['unconfirmed', 'declaration', 'previous'];

/**
 * The 保険者番号 check at the desk:
 * - `none`: nothing typed; `ok`: the number passes (cleaned digits).
 * - `soft`: it fails, but staff cannot fix it here, so it warns and may be kept with
 *   「このまま受付する」 (`acknowledged` once they did, for this very number). That is when the
 *   number is still the one from the roster (or the stored arrival) — `why: 'roster'` — or when
 *   nothing showing it was seen today (資格 未確認 / 申立書 / 前回) and only the check digit or the
 *   prefecture is off — `why: 'unseen'`.
 * - `hard`: a number staff typed from a card, 資格確認書 or マイナ screen shown today that fails its
 *   check is a copy slip: look again and fix it. Also any number that is not 6 or 8 digits.
 */
export type InsurerNoCheck =
  | { kind: 'none' }
  | { kind: 'ok'; value: string; warning: Problem | null }
  | { kind: 'hard'; problem: Problem }
  | { kind: 'soft'; value: string; problem: Problem; why: 'roster' | 'unseen'; acknowledged: boolean };

export function checkInsurerNo(
  form: Pick<ArrivalForm, 'insurance' | 'eligibilityMethod' | 'knownInsurerNo' | 'insurerNoAck'>
): InsurerNoCheck {
  const typed = form.insurance.insurerNo;
  if (!typed.trim()) return { kind: 'none' };
  const valid = validateInsurerNo(typed);
  if (valid.ok) return { kind: 'ok', value: valid.value, warning: unknownLawCode(valid.value) };
  const value = cleanNumber(typed);
  const known = cleanNumber(form.knownInsurerNo ?? '');
  const acknowledged = value !== '' && cleanNumber(form.insurerNoAck ?? '') === value;
  if (known !== '' && value === known)
    return { kind: 'soft', value, problem: valid.error, why: 'roster', acknowledged };
  const method = form.eligibilityMethod;
  if (method && insurerNoUnseen.includes(method) && valid.error.key !== 'patients.error.insurerNoDigits')
    return { kind: 'soft', value, problem: valid.error, why: 'unseen', acknowledged };
  return { kind: 'hard', problem: valid.error };
}

/**
 * The 公費受給者番号 check at the desk: `ok` with a warning beside the field when it is longer than 7
 * digits (a 地方単独 公費 may be; the number is saved as typed), `bad` when it is not digits, is shorter,
 * or is 7 digits whose check digit does not match.
 */
export type RecipientNoCheck =
  | { kind: 'none' }
  | { kind: 'ok'; value: string; warning: Problem | null }
  | { kind: 'bad'; problem: Problem };

export function checkRecipientNo(form: Pick<ArrivalForm, 'insurance'>): RecipientNoCheck {
  const typed = form.insurance.publicRecipientNo;
  if (!typed.trim()) return { kind: 'none' };
  const valid = validateRecipientNo(typed);
  if (!valid.ok) return { kind: 'bad', problem: valid.error };
  return { kind: 'ok', value: valid.value, warning: longRecipientNo(valid.value) };
}

const trim = (s: string) => s.trim();

export interface ArrivalCheckContext {
  /** Today, ISO yyyy-mm-dd (local). */
  today: string;
  /** The clinic's departments (診療科): choosing one is needed when there are several. */
  departments: readonly string[];
  /** The clinic's doctors: with only one, the arrival is theirs. */
  doctors?: readonly string[];
}

/**
 * Check the form; on success the cleaned fields to store (kana as full-width katakana, numbers in
 * 半角, birth date ISO), otherwise a problem per field to show beside it.
 */
export function readArrivalForm(
  form: ArrivalForm,
  context: ArrivalCheckContext
): Result<ArrivalFields, FieldProblems<ArrivalField>> {
  const problems: FieldProblems<ArrivalField> = {};
  const put = (field: ArrivalField, problem: Problem) => {
    problems[field] ??= { ...problem, field };
  };
  const isNew = form.patientId === null;

  const name = normalizeSpaces(form.name);
  if (!name) put('name', { key: 'reception.error.nameRequired' });
  if (name.length > NAME_MAX) put('name', { key: 'reception.error.tooLong', values: { max: NAME_MAX } });

  const kana = normalizeKana(form.kana);
  if (!kana && isNew) put('kana', { key: 'reception.error.kanaRequired' });
  else if (kana && !isZenkakuKana(kana)) put('kana', { key: 'reception.error.kanaNotZenkaku' });

  let birthDate = '';
  if (!form.birthDate.trim()) put('birthDate', { key: 'reception.error.birthDateRequired' });
  else {
    const read = readBirthDate(form.birthDate, context.today);
    if (read.ok) birthDate = read.value;
    else put('birthDate', read.error);
  }

  if (!sexes.includes(form.sex)) put('sex', { key: 'reception.error.sex' });
  const phone = cleanCode(form.phone);
  if (!isDeskPhone(phone)) put('phone', { key: 'reception.error.phone' });

  if (!form.visitType || !visitTypes.includes(form.visitType))
    put('visitType', { key: 'reception.error.visitTypeRequired' });
  const department = form.department.trim();
  if (!department && context.departments.length > 1)
    put('department', { key: 'reception.error.departmentRequired' });
  const complaint = form.complaint.trim();
  if (complaint.length > 500) put('complaint', { key: 'reception.error.tooLong', values: { max: 500 } });

  const method = form.eligibilityMethod;
  if (!method || !eligibilityMethods.includes(method))
    put('eligibilityMethod', { key: 'reception.error.methodRequired' });

  const insurance = readInsurance(form, put);
  const declaration = method === 'declaration' ? readDeclaration(form, context.today, put) : null;

  // レセコン入力用の詳細 never stop a registration: their warnings stay beside the fields (RececonFields).
  const rececon = readRececon(form.rececon, {
    today: context.today,
    firstPayerNo: form.insurance.publicPayerNo,
    firstRecipientNo: form.insurance.publicRecipientNo
  }).value;

  const paperSerial = form.paperSerial.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (paperSerial.length > 20) put('paperSerial', { key: 'reception.error.tooLong', values: { max: 20 } });

  if (Object.keys(problems).length > 0) return fail(problems);
  return ok({
    patientId: form.patientId,
    patientNo: cleanPatientNo(form.patientNo),
    isNew,
    name,
    kana,
    birthDate,
    sex: form.sex,
    phone,
    visitType: form.visitType as VisitType,
    department: department || (context.departments.length === 1 ? context.departments[0]! : ''),
    doctor: form.doctor.trim() || (context.doctors?.length === 1 ? context.doctors[0]! : ''),
    complaint,
    brought: broughtItems.filter((b) => form.brought.includes(b)),
    eligibilityMethod: method as EligibilityMethod,
    insurance,
    declaration,
    eligibilityStatus: eligibilityStatuses.includes(form.eligibilityStatus)
      ? form.eligibilityStatus
      : 'unconfirmed',
    paperSerial,
    // Always present, so clearing every detail removes them from the stored arrival.
    rececon: isEmptyRececon(rececon) ? undefined : rececon
  });
}

function readInsurance(form: ArrivalForm, put: (field: ArrivalField, problem: Problem) => void): Insurance {
  const typed = form.insurance;
  const method = form.eligibilityMethod;
  const insurance: Insurance = {
    ...emptyInsurance,
    symbol: cleanCode(typed.symbol),
    number: cleanCode(typed.number),
    branch: cleanBranch(typed.branch),
    relation: relations.includes(typed.relation as 'self') ? typed.relation : '',
    copay: copays.includes(typed.copay as '1') ? typed.copay : '',
    validUntil: typed.validUntil.trim()
  };
  const insurer = checkInsurerNo(form);
  if (insurer.kind === 'ok') insurance.insurerNo = insurer.value;
  else if (insurer.kind === 'hard') put('insurerNo', insurer.problem);
  else if (insurer.kind === 'soft') {
    if (insurer.acknowledged) insurance.insurerNo = insurer.value;
    else put('insurerNo', { key: 'reception.error.insurerNoKeep', values: { input: insurer.value } });
  } else if (method && insurerNoShown.includes(method)) {
    put('insurerNo', { key: 'reception.error.insurerNoRequired' });
  }
  if (!isDeskBranch(insurance.branch)) put('branch', { key: 'reception.error.branch' });
  const codeTooLong = { key: 'reception.error.tooLong', values: { max: CARD_CODE_MAX } } as const;
  if (insurance.symbol.length > CARD_CODE_MAX) put('symbol', codeTooLong);
  if (insurance.number.length > CARD_CODE_MAX) put('number', codeTooLong);
  if (insurance.validUntil && !isRealIsoDate(insurance.validUntil))
    put('validUntil', { key: 'reception.error.date' });
  if (typed.publicPayerNo.trim()) {
    const payer = validatePublicPayerNo(typed.publicPayerNo);
    if (payer.ok) insurance.publicPayerNo = payer.value;
    else put('publicPayerNo', payer.error);
  }
  const recipient = checkRecipientNo(form);
  if (recipient.kind !== 'none') {
    if (recipient.kind === 'ok') insurance.publicRecipientNo = recipient.value;
    else put('publicRecipientNo', recipient.problem);
    if (!typed.publicPayerNo.trim()) put('publicPayerNo', { key: 'reception.error.payerForRecipient' });
  }
  return insurance;
}

/** 被保険者資格申立書: which insurance (保険者名 or 勤務先), whose (家族 names the insured), and the day signed. */
function readDeclaration(
  form: ArrivalForm,
  today: string,
  put: (field: ArrivalField, problem: Problem) => void
): Declaration {
  const d = form.declaration;
  // The 申立書's phone is a detail for the レセコン: kept as typed (cleaned), checked beside the field only.
  const phone = cleanCode(d.phone ?? '');
  const declaration: Declaration = {
    insurerName: trim(d.insurerName),
    insuredName: normalizeSpaces(d.insuredName),
    employer: trim(d.employer),
    address: trim(d.address),
    declaredAt: d.declaredAt.trim() || today,
    ...(phone ? { phone } : {})
  };
  if (!declaration.insurerName && !declaration.employer)
    put('declarationInsurer', { key: 'reception.error.declarationInsurer' });
  if (form.insurance.relation === 'family' && !declaration.insuredName)
    put('insuredName', { key: 'reception.error.insuredNameForFamily' });
  if (!isRealIsoDate(declaration.declaredAt)) put('declaredAt', { key: 'reception.error.date' });
  else if (declaration.declaredAt > today) put('declaredAt', { key: 'reception.error.dateFuture' });
  return declaration;
}
