// The arrival (受付) form as typed at the desk: filling it from a roster patient, and the check that turns it into stored fields.
import { fail, ok, type FieldProblems, type Problem, type Result } from '../result';
import type { Patient } from '../patients/model';
import { isZenkakuKana, normalizeKana, normalizeSpaces } from '../patients/kana';
import { validateInsurerNo, validatePublicPayerNo, validateRecipientNo } from '../patients/insurer-number';
import { cleanBranch, cleanCode, cleanPatientNo } from '../patients/roster-values';
import { isRealIsoDate, parseBirthDate } from '../patients/wareki';
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
  declaration: Declaration;
  eligibilityStatus: EligibilityStatus;
  paperSerial: string;
  /** The duplicate warning staff answered with "a different person" (its signature), so it is not asked again. */
  duplicateAck: string;
}

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

/** Birth dates before this are typos, not patients. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';

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
    duplicateAck: ''
  };
}

/** Fill the patient and insurance fields from a roster patient; the visit fields stay as typed. */
export function formFromPatient(form: ArrivalForm, patient: Patient): ArrivalForm {
  return {
    ...form,
    patientId: patient.id,
    patientNo: patient.patientNo,
    name: patient.name,
    kana: patient.kana,
    birthDate: patient.birthDate,
    sex: patient.sex,
    phone: patient.phone,
    visitType: form.visitType || 'return',
    insurance: {
      ...form.insurance,
      insurerNo: patient.insurerNo,
      symbol: patient.cardSymbol,
      number: patient.cardNumber,
      branch: patient.branch,
      copay: patient.copayRate === null ? '' : (String(patient.copayRate) as Insurance['copay'])
    },
    duplicateAck: ''
  };
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
    duplicateAck: ''
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
    duplicateAck: ''
  };
}

/** Read a birth date as typed (西暦 or 和暦) into ISO; not in the future, not before 1900. */
export function readBirthDate(text: string, today: string): Result<string> {
  const parsed = parseBirthDate(text);
  if (!parsed.ok) return parsed;
  const values = { input: text.trim() };
  if (parsed.value > today)
    return fail({ key: 'reception.error.birthDateFuture', values, field: 'birthDate' });
  if (parsed.value < EARLIEST_BIRTH_DATE)
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
  if (name.length > 60) put('name', { key: 'reception.error.tooLong', values: { max: 60 } });

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
  if (phone && !/^[\d\-() +]{6,20}$/.test(phone)) put('phone', { key: 'reception.error.phone' });

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

  const insurance = readInsurance(form.insurance, method, put);
  const declaration = method === 'declaration' ? readDeclaration(form, context.today, put) : null;

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
    paperSerial
  });
}

function readInsurance(
  typed: Insurance,
  method: EligibilityMethod | '',
  put: (field: ArrivalField, problem: Problem) => void
): Insurance {
  const insurance: Insurance = {
    ...emptyInsurance,
    symbol: cleanCode(typed.symbol),
    number: cleanCode(typed.number),
    branch: cleanBranch(typed.branch),
    relation: relations.includes(typed.relation as 'self') ? typed.relation : '',
    copay: copays.includes(typed.copay as '1') ? typed.copay : '',
    validUntil: typed.validUntil.trim()
  };
  if (typed.insurerNo.trim()) {
    const insurer = validateInsurerNo(typed.insurerNo);
    if (insurer.ok) insurance.insurerNo = insurer.value;
    else put('insurerNo', insurer.error);
  } else if (method && insurerNoShown.includes(method)) {
    put('insurerNo', { key: 'reception.error.insurerNoRequired' });
  }
  if (insurance.branch && !/^\d{2}$/.test(insurance.branch)) put('branch', { key: 'reception.error.branch' });
  if (insurance.symbol.length > 40) put('symbol', { key: 'reception.error.tooLong', values: { max: 40 } });
  if (insurance.number.length > 40) put('number', { key: 'reception.error.tooLong', values: { max: 40 } });
  if (insurance.validUntil && !isRealIsoDate(insurance.validUntil))
    put('validUntil', { key: 'reception.error.date' });
  if (typed.publicPayerNo.trim()) {
    const payer = validatePublicPayerNo(typed.publicPayerNo);
    if (payer.ok) insurance.publicPayerNo = payer.value;
    else put('publicPayerNo', payer.error);
  }
  if (typed.publicRecipientNo.trim()) {
    const recipient = validateRecipientNo(typed.publicRecipientNo);
    if (recipient.ok) insurance.publicRecipientNo = recipient.value;
    else put('publicRecipientNo', recipient.error);
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
  const declaration: Declaration = {
    insurerName: trim(d.insurerName),
    insuredName: normalizeSpaces(d.insuredName),
    employer: trim(d.employer),
    address: trim(d.address),
    declaredAt: d.declaredAt.trim() || today
  };
  if (!declaration.insurerName && !declaration.employer)
    put('declarationInsurer', { key: 'reception.error.declarationInsurer' });
  if (form.insurance.relation === 'family' && !declaration.insuredName)
    put('insuredName', { key: 'reception.error.insuredNameForFamily' });
  if (!isRealIsoDate(declaration.declaredAt)) put('declaredAt', { key: 'reception.error.date' });
  else if (declaration.declaredAt > today) put('declaredAt', { key: 'reception.error.dateFuture' });
  return declaration;
}
