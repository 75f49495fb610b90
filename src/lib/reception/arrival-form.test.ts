import { describe, expect, it } from 'vitest';
import type { Patient } from '../patients/model';
import {
  emptyArrivalForm,
  formForNewPatient,
  formFromArrival,
  formFromPatient,
  isExpired,
  ageOn,
  readArrivalForm,
  readBirthDate,
  checkInsurerNo,
  checkRecipientNo,
  rosterValueBeside,
  useRosterValue,
  type ArrivalForm
} from './arrival-form';
import type { Arrival } from './model';
import { importRows, parseRosterCsv } from '../patients/csv-import';
import { generatePatients, patientsToCsv } from '../fixtures/synthetic';

const today = '2025-11-15';
const context = { today, departments: ['内科'] };

const roster: Patient = {
  id: 'p:000123',
  patientNo: '000123',
  name: '山田　太郎',
  kana: 'ヤマダ　タロウ',
  birthDate: '1980-01-02',
  sex: 'M',
  insurerNo: '01130012',
  cardSymbol: '12-34',
  cardNumber: '567',
  branch: '01',
  copayRate: 3,
  address: '東京都',
  phone: '03-1111-2222',
  allergies: ''
};

const picked01130013 = () =>
  formFromPatient(emptyArrivalForm(['内科']), { ...roster, insurerNo: '01130013' });

function filled(overrides: Partial<ArrivalForm> = {}): ArrivalForm {
  return {
    ...emptyArrivalForm(['内科']),
    name: '新井 花子',
    kana: 'アライ ハナコ',
    birthDate: '1990-04-05',
    sex: 'F',
    visitType: 'first',
    eligibilityMethod: 'unconfirmed',
    ...overrides
  };
}

describe('readArrivalForm', () => {
  it('accepts a new patient and cleans the fields (kana to full-width katakana, spaces to one full-width space)', () => {
    const r = readArrivalForm(filled({ kana: 'あらい  はなこ', name: ' 新井  花子 ' }), context);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kana).toBe('アライ　ハナコ');
    expect(r.value.name).toBe('新井　花子');
    expect(r.value.isNew).toBe(true);
    expect(r.value.department).toBe('内科');
    expect(r.value.declaration).toBeNull();
    expect(r.value.eligibilityStatus).toBe('unconfirmed');
  });

  it('asks for name, kana (new patient), birth date, visit type and how eligibility was shown', () => {
    const r = readArrivalForm(emptyArrivalForm(['内科']), context);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.name?.key).toBe('reception.error.nameRequired');
    expect(r.error.kana?.key).toBe('reception.error.kanaRequired');
    expect(r.error.birthDate?.key).toBe('reception.error.birthDateRequired');
    expect(r.error.visitType?.key).toBe('reception.error.visitTypeRequired');
    expect(r.error.eligibilityMethod?.key).toBe('reception.error.methodRequired');
    expect(r.error.name?.field).toBe('name');
  });

  it('rejects a kana name with kanji or latin letters, but not a roster patient without kana', () => {
    const r = readArrivalForm(filled({ kana: '新井ハナコ' }), context);
    expect(!r.ok && r.error.kana?.key).toBe('reception.error.kanaNotZenkaku');
    const latin = readArrivalForm(filled({ kana: 'Arai' }), context);
    expect(!latin.ok && latin.error.kana?.key).toBe('reception.error.kanaNotZenkaku');
    const picked = readArrivalForm(filled({ patientId: 'p:1', kana: '' }), context);
    expect(picked.ok).toBe(true);
  });

  it('reads 和暦 birth dates and refuses the future and before 1900', () => {
    const r = readArrivalForm(filled({ birthDate: 'S55.1.2' }), context);
    expect(r.ok && r.value.birthDate).toBe('1980-01-02');
    const future = readArrivalForm(filled({ birthDate: '2025-11-16' }), context);
    expect(!future.ok && future.error.birthDate?.key).toBe('reception.error.birthDateFuture');
    const old = readArrivalForm(filled({ birthDate: '1899-12-31' }), context);
    expect(!old.ok && old.error.birthDate?.key).toBe('reception.error.birthDateTooEarly');
    const nonsense = readArrivalForm(filled({ birthDate: '1980-02-30' }), context);
    expect(!nonsense.ok && nonsense.error.birthDate?.key).toBe('patients.error.birthDateImpossible');
    expect(readBirthDate('1900-01-01', today)).toEqual({ ok: true, value: '1900-01-01' });
    expect(readBirthDate(today, today)).toEqual({ ok: true, value: today });
  });

  it('verifies the 保険者番号 check digit and keeps the number as typed for correction', () => {
    const form = filled({ eligibilityMethod: 'card' });
    form.insurance = { ...form.insurance, insurerNo: '01130013' };
    const r = readArrivalForm(form, context);
    expect(!r.ok && r.error.insurerNo?.key).toBe('patients.error.insurerNoCheckDigit');
    expect(form.insurance.insurerNo).toBe('01130013');
    form.insurance.insurerNo = '０１１３００１２';
    const fixed = readArrivalForm(form, context);
    expect(fixed.ok && fixed.value.insurance.insurerNo).toBe('01130012');
    form.insurance.insurerNo = '130054';
    expect(readArrivalForm(form, context).ok).toBe(true);
  });

  it('a roster number that fails its check only warns, and is kept after 「このまま受付する」', () => {
    const bad = '01130013';
    const picked = formFromPatient(emptyArrivalForm(['内科']), { ...roster, insurerNo: bad });
    for (const eligibilityMethod of ['unconfirmed', 'card', 'previous'] as const) {
      const form = { ...picked, eligibilityMethod };
      expect(checkInsurerNo(form)).toMatchObject({ kind: 'soft', why: 'roster', acknowledged: false });
      const r = readArrivalForm(form, context);
      expect(!r.ok && r.error.insurerNo).toMatchObject({
        key: 'reception.error.insurerNoKeep',
        values: { input: bad }
      });
      const kept = readArrivalForm({ ...form, insurerNoAck: bad }, context);
      expect(kept.ok && kept.value.insurance.insurerNo).toBe(bad);
    }
    // Kept for that number only: a different number is asked about again.
    const other = { ...picked, eligibilityMethod: 'unconfirmed' as const, insurerNoAck: '01130021' };
    expect(checkInsurerNo(other)).toMatchObject({ kind: 'soft', acknowledged: false });
  });

  it('a number typed from a card shown today must pass; from memory (未確認・申立書・前回) it may be kept', () => {
    const typed = (eligibilityMethod: ArrivalForm['eligibilityMethod'], insurerNo: string) => {
      const form = filled({ eligibilityMethod });
      form.insurance = { ...form.insurance, insurerNo };
      return form;
    };
    for (const method of ['card', 'certificate', 'mynaPortal', 'mynaNotice'] as const)
      expect(checkInsurerNo(typed(method, '01130013')).kind).toBe('hard');
    for (const method of ['unconfirmed', 'declaration', 'previous'] as const)
      expect(checkInsurerNo(typed(method, '01130013'))).toMatchObject({ kind: 'soft', why: 'unseen' });
    // Not 6 or 8 digits is not a 保険者番号 at all, however it was shown.
    expect(checkInsurerNo(typed('unconfirmed', '0113001')).kind).toBe('hard');
    // Staff changed the roster's number while reading a card: their typing is checked in full.
    const picked = formFromPatient(emptyArrivalForm(['内科']), { ...roster, insurerNo: '01130013' });
    const changed = { ...picked, eligibilityMethod: 'card' as const };
    changed.insurance = { ...changed.insurance, insurerNo: '01130031' };
    expect(checkInsurerNo(changed).kind).toBe('hard');
    expect(checkInsurerNo(typed('card', '01130012'))).toEqual({
      kind: 'ok',
      value: '01130012',
      warning: null
    });
    expect(checkInsurerNo(typed('card', ''))).toEqual({ kind: 'none' });
  });

  it('editing a stored arrival does not ask again about the number it was registered with', () => {
    const form = { ...picked01130013(), eligibilityMethod: 'unconfirmed' as const, insurerNoAck: '01130013' };
    const r = readArrivalForm(form, context);
    if (!r.ok) throw new Error('fixture');
    const arrival = { ...r.value, id: 'a1', rev: 1 } as unknown as Arrival;
    const edit = formFromArrival(arrival);
    expect(readArrivalForm(edit, context).ok).toBe(true);
    edit.insurance.insurerNo = '01130031';
    const typed = readArrivalForm(edit, context);
    expect(!typed.ok && typed.error.insurerNo?.key).toBe('reception.error.insurerNoKeep');
  });

  it('needs the insurer number when a card or certificate was shown, not when unconfirmed', () => {
    const r = readArrivalForm(filled({ eligibilityMethod: 'certificate' }), context);
    expect(!r.ok && r.error.insurerNo?.key).toBe('reception.error.insurerNoRequired');
    expect(readArrivalForm(filled({ eligibilityMethod: 'mynaPortal' }), context).ok).toBe(true);
  });

  it('checks 公費 numbers, 枝番 and the valid-until date', () => {
    const form = filled();
    form.insurance = { ...form.insurance, publicRecipientNo: '1234566', branch: '1' };
    const r = readArrivalForm(form, context);
    expect(!r.ok && r.error.publicPayerNo?.key).toBe('reception.error.payerForRecipient');
    form.insurance.publicPayerNo = '54130019';
    const wrong = readArrivalForm(form, context);
    expect(!wrong.ok && wrong.error.publicPayerNo?.key).toBe('patients.error.publicPayerNoCheckDigit');
    form.insurance.publicPayerNo = '54130018';
    form.insurance.publicRecipientNo = '1234567';
    const recipient = readArrivalForm(form, context);
    expect(!recipient.ok && recipient.error.publicRecipientNo?.field).toBe('publicRecipientNo');
    form.insurance.publicRecipientNo = '1234566';
    const ok = readArrivalForm(form, context);
    expect(ok.ok && ok.value.insurance.branch).toBe('01');
    form.insurance.branch = 'A1';
    const branch = readArrivalForm(form, context);
    expect(!branch.ok && branch.error.branch?.key).toBe('reception.error.branch');
  });

  it('saves a 受給者番号 of 8 digits or more (地方単独の公費) with a warning beside it; fewer digits stop the save', () => {
    const form = filled();
    form.insurance = { ...form.insurance, publicPayerNo: '54130018', publicRecipientNo: '1234 5678' };
    expect(checkRecipientNo(form)).toEqual({
      kind: 'ok',
      value: '12345678',
      warning: {
        key: 'patients.warning.recipientNoLength',
        values: { input: '12345678', n: 8 },
        field: 'recipientNo'
      }
    });
    const long = readArrivalForm(form, context);
    expect(long.ok && long.value.insurance.publicRecipientNo).toBe('12345678');
    form.insurance.publicRecipientNo = '1234566';
    expect(checkRecipientNo(form)).toEqual({ kind: 'ok', value: '1234566', warning: null });
    form.insurance.publicRecipientNo = '123456';
    expect(checkRecipientNo(form)).toMatchObject({
      kind: 'bad',
      problem: { key: 'patients.error.recipientNoDigits' }
    });
    const short = readArrivalForm(form, context);
    expect(!short.ok && short.error.publicRecipientNo?.key).toBe('patients.error.recipientNoDigits');
    form.insurance.publicRecipientNo = '';
    expect(checkRecipientNo(form)).toEqual({ kind: 'none' });
  });

  it('for a 申立書 needs the insurer name or employer, the insured name for a dependant, and dates it today', () => {
    const form = filled({ eligibilityMethod: 'declaration' });
    form.insurance.relation = 'family';
    const r = readArrivalForm(form, context);
    expect(!r.ok && r.error.declarationInsurer?.key).toBe('reception.error.declarationInsurer');
    expect(!r.ok && r.error.insuredName?.key).toBe('reception.error.insuredNameForFamily');
    form.declaration = { ...form.declaration, employer: '株式会社てびかえ', insuredName: '新井 一郎' };
    const ok = readArrivalForm(form, context);
    expect(ok.ok && ok.value.declaration).toEqual({
      insurerName: '',
      insuredName: '新井　一郎',
      employer: '株式会社てびかえ',
      address: '',
      declaredAt: today
    });
    form.declaration.declaredAt = '2025-11-20';
    const future = readArrivalForm(form, context);
    expect(!future.ok && future.error.declaredAt?.key).toBe('reception.error.dateFuture');
  });

  it('needs a department only when the clinic has several', () => {
    const several = { today, departments: ['内科', '小児科'] };
    const r = readArrivalForm(filled({ department: '' }), several);
    expect(!r.ok && r.error.department?.key).toBe('reception.error.departmentRequired');
    expect(readArrivalForm(filled({ department: '小児科' }), several).ok).toBe(true);
    const none = readArrivalForm(filled({ department: '' }), { today, departments: [] });
    expect(none.ok && none.value.department).toBe('');
  });
});

describe('filling the form', () => {
  it('takes patient and insurance fields from a roster patient, keeping the visit as typed', () => {
    const start = { ...emptyArrivalForm(['内科']), complaint: '咳', duplicateAck: 'x' };
    const form = formFromPatient(start, roster);
    expect(form).toMatchObject({
      patientId: 'p:000123',
      patientNo: '000123',
      name: '山田　太郎',
      kana: 'ヤマダ　タロウ',
      birthDate: '1980-01-02',
      sex: 'M',
      phone: '03-1111-2222',
      visitType: 'return',
      complaint: '咳',
      duplicateAck: ''
    });
    expect(form.insurance).toMatchObject({
      insurerNo: '01130012',
      symbol: '12-34',
      number: '567',
      branch: '01',
      copay: '3'
    });
    const r = readArrivalForm({ ...form, eligibilityMethod: 'previous' }, context);
    expect(r.ok && r.value.isNew).toBe(false);
  });

  it('switching a typed new patient to the roster patient keeps what was typed (the roster’s beside it)', () => {
    const lean: Patient = { ...roster, cardSymbol: '', cardNumber: '', branch: '', phone: '' };
    const typed: ArrivalForm = {
      ...filled({ name: '山田 太郎', kana: 'やまだ たろう', birthDate: 'S55.1.2', sex: 'M' }),
      phone: '090-1234-5678'
    };
    typed.insurance = { ...typed.insurance, symbol: '12', number: '345', insurerNo: '06130015' };
    const form = formFromPatient(typed, lean);
    // The same person written another way takes the roster's spelling.
    expect(form).toMatchObject({ name: '山田　太郎', kana: 'ヤマダ　タロウ', birthDate: '1980-01-02' });
    // What the roster lacks stays as typed.
    expect(form.insurance).toMatchObject({ symbol: '12', number: '345', copay: '3' });
    expect(form.phone).toBe('090-1234-5678');
    // Both have one and they differ: the typed value stays, the roster's is kept to show beside it.
    expect(form.insurance.insurerNo).toBe('06130015');
    expect(form.rosterValues).toEqual({ insurerNo: '01130012' });
    expect(rosterValueBeside(form, 'insurerNo')).toBe('01130012');
    expect(rosterValueBeside(form, 'symbol')).toBeNull();
    const used = useRosterValue(form, 'insurerNo');
    expect(used.insurance.insurerNo).toBe('01130012');
    expect(rosterValueBeside(used, 'insurerNo')).toBeNull();
    // Typing the roster's value by hand hides the note too.
    expect(
      rosterValueBeside({ ...form, insurance: { ...form.insurance, insurerNo: '0113-0012' } }, 'insurerNo')
    ).toBeNull();
  });

  it('picking another roster patient replaces the first one’s values', () => {
    const first = formFromPatient(emptyArrivalForm(), { ...roster, cardSymbol: '77' });
    const second = formFromPatient(first, { ...roster, id: 'p:2', patientNo: '2', cardSymbol: '' });
    expect(second.insurance.symbol).toBe('');
    expect(second.rosterValues).toEqual({});
  });

  it('a new patient starts blank as 初診', () => {
    const form = formForNewPatient(formFromPatient(emptyArrivalForm(), roster));
    expect(form.patientId).toBeNull();
    expect(form.name).toBe('');
    expect(form.insurance.insurerNo).toBe('');
    expect(form.visitType).toBe('first');
  });

  it('an arrival round-trips through the edit form', () => {
    const r = readArrivalForm(
      filled({
        eligibilityMethod: 'declaration',
        declaration: { ...emptyArrivalForm().declaration, insurerName: '協会けんぽ' }
      }),
      context
    );
    if (!r.ok) throw new Error('fixture');
    const arrival = { ...r.value, id: 'a1', rev: 1 } as unknown as Arrival;
    const again = readArrivalForm(formFromArrival(arrival), context);
    expect(again).toEqual(r);
  });

  it('レセコン入力用の詳細 are stored cleaned, never stop a registration, and round-trip through the edit form', () => {
    const form = filled({
      eligibilityMethod: 'declaration',
      declaration: {
        ...emptyArrivalForm().declaration,
        employer: '株式会社てびかえ',
        phone: '０９０－１１１１－２２２２'
      },
      rececon: {
        ...emptyArrivalForm().rececon!,
        postalCode: '〒０６０－０００１',
        address: '札幌市中央区北1条西2丁目',
        insuranceKind: 'unknown',
        qualifiedOn: '2099-01-01', // a warning beside the field, not a refusal
        morePublics: [{ payerNo: '12345678', recipientNo: '', validFrom: '', validUntil: '' }] // bad check digit
      }
    });
    const r = readArrivalForm(form, context);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.rececon).toMatchObject({
      postalCode: '0600001',
      address: '札幌市中央区北1条西2丁目',
      insuranceKind: 'unknown',
      qualifiedOn: '2099-01-01',
      morePublics: [{ payerNo: '12345678', recipientNo: '', validFrom: '', validUntil: '' }]
    });
    expect(r.value.declaration?.phone).toBe('090-1111-2222');
    const arrival = { ...r.value, id: 'a1', rev: 1 } as unknown as Arrival;
    expect(readArrivalForm(formFromArrival(arrival), context)).toEqual(r);
  });

  it('empty details are not stored; clearing them removes them', () => {
    const r = readArrivalForm(filled(), context);
    expect(r.ok && 'rececon' in r.value && r.value.rececon).toBeUndefined();
    // A draft from before the details existed reads the same.
    const old = filled();
    delete old.rececon;
    expect(readArrivalForm(old, context)).toEqual(r);
  });

  it('the roster’s 住所 fills the details; an address typed first stays, the roster’s beside it', () => {
    expect(formFromPatient(emptyArrivalForm(), roster).rececon?.address).toBe('東京都');
    const typed = filled({ rececon: { ...emptyArrivalForm().rececon!, address: '大阪府大阪市' } });
    const form = formFromPatient(typed, roster);
    expect(form.rececon?.address).toBe('大阪府大阪市');
    expect(rosterValueBeside(form, 'address')).toBe('東京都');
    expect(useRosterValue(form, 'address').rececon?.address).toBe('東京都');
    expect(formForNewPatient(form).rececon?.address).toBe('');
  });

  it('an expired card is a note, not a refusal', () => {
    expect(isExpired('2025-11-14', today)).toBe(true);
    expect(isExpired('2025-11-15', today)).toBe(false);
    expect(isExpired('', today)).toBe(false);
    const form = filled();
    form.insurance.validUntil = '2024-03-31';
    expect(readArrivalForm(form, context).ok).toBe(true);
  });
});

describe('small rules', () => {
  it('age in whole years, counting the birthday itself', () => {
    expect(ageOn('1980-11-15', '2025-11-15')).toBe(45);
    expect(ageOn('1980-11-16', '2025-11-15')).toBe(44);
  });
  it('the only doctor is the arrival’s doctor', () => {
    const r = readArrivalForm(filled(), { ...context, doctors: ['医師 一郎'] });
    expect(r.ok && r.value.doctor).toBe('医師 一郎');
    const two = readArrivalForm(filled(), { ...context, doctors: ['医師 一郎', '医師 二郎'] });
    expect(two.ok && two.value.doctor).toBe('');
  });
});

describe('the roster import and the desk share one set of rules (patients/desk-rules.ts)', () => {
  it('a roster row the import flags is one this form refuses once picked, and an unflagged row it accepts', () => {
    const patients = generatePatients(9, 3);
    patients[1]!.name = '山'.repeat(1000);
    patients[2]!.birthDate = '2030-01-01';
    patients[3]!.phone = '電話なし';
    patients[4]!.branch = '123';
    patients[5]!.cardSymbol = 'A'.repeat(41);
    patients[6]!.kana = 'ヤマダ　太郎';
    patients[7]!.birthDate = '1887-01-01';
    const parsed = parseRosterCsv(patientsToCsv(patients, 3));
    const imported = importRows(parsed.rows, parsed.mapping, {
      firstRowNumber: parsed.firstRowNumber,
      today
    });
    expect(imported.patients).toHaveLength(9);
    const flags = (i: number) =>
      imported.warnings.filter((w) => w.rowNumber === i + 2).map((w) => w.reason.key as string);
    const verdicts = imported.patients.map((patient, i) => {
      const form = {
        ...formFromPatient(emptyArrivalForm(['内科']), patient),
        eligibilityMethod: 'unconfirmed' as const
      };
      return { refused: !readArrivalForm(form, context).ok, flags: flags(i) };
    });
    expect(verdicts.map((v) => v.flags.length > 0)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false
    ]);
    for (const { refused, flags } of verdicts) {
      // The one value the import makes acceptable itself is the over-long name (cut to 60, and said so).
      expect(refused).toBe(flags.some((key) => key !== 'patients.warning.nameTooLong'));
    }
  });
});
