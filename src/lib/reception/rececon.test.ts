import { describe, expect, it } from 'vitest';
import { makeCheckDigit } from '../patients/insurer-number';
import {
  addPublic,
  checkPostalCode,
  emptyRececon,
  isEmptyRececon,
  kindFromInsurerNo,
  publicsOf,
  readRececon,
  receconOf,
  removePublic,
  type RececonContext
} from './rececon';
import { MAX_PUBLICS, type RececonDetails } from './model';

const context: RececonContext = { today: '2025-11-15', firstPayerNo: '', firstRecipientNo: '' };
const withCheck = (payload: string) => `${payload}${makeCheckDigit(payload)}`;
/** 公費負担者番号 (法別 54 難病, 東京 13, 実施機関 001) and a 受給者番号, both with their check digit. */
const PAYER = withCheck('5413001');
const RECIPIENT = withCheck('123456');

describe('郵便番号', () => {
  it('reads 7 digits typed with 〒, hyphens, 全角 digits or spaces', () => {
    for (const typed of [
      '0600001',
      '060-0001',
      '〒060-0001',
      '０６０－０００１',
      ' 060 0001 ',
      '〒０６０ー０００１'
    ])
      expect(checkPostalCode(typed), typed).toEqual({ kind: 'ok', value: '0600001' });
  });
  it('warns on a wrong number of digits, saying how many were typed', () => {
    for (const [typed, n] of [
      ['06000', 5],
      ['060-00011', 8],
      ['1', 1]
    ] as const) {
      const check = checkPostalCode(typed);
      expect(check.kind, typed).toBe('bad');
      if (check.kind === 'bad') {
        expect(check.problem.key).toBe('reception.rececon.postalLength');
        expect(check.problem.values?.n).toBe(n);
      }
    }
  });
  it('warns on what is not digits, and keeps it as typed', () => {
    const check = checkPostalCode('札幌市');
    expect(check).toMatchObject({
      kind: 'bad',
      value: '札幌市',
      problem: { key: 'reception.rececon.postalDigits' }
    });
  });
  it('an empty field says nothing', () => {
    expect(checkPostalCode('  ')).toEqual({ kind: 'none' });
  });
  it('is stored cleaned when right and as typed when not, with the warning beside the field', () => {
    const good = readRececon({ ...emptyRececon(), postalCode: '〒060-0001' }, context);
    expect(good.value.postalCode).toBe('0600001');
    expect(good.warnings).toEqual({});
    const short = readRececon({ ...emptyRececon(), postalCode: '060-001' }, context);
    expect(short.value.postalCode).toBe('060001');
    expect(short.warnings.postalCode?.key).toBe('reception.rececon.postalLength');
    expect(short.warnings.postalCode?.field).toBe('postalCode');
  });
});

describe('公費: up to four', () => {
  it('adds rows after the first 公費 until there are four, and refuses a fifth', () => {
    let details = emptyRececon();
    for (let i = 2; i <= MAX_PUBLICS; i++) {
      const added = addPublic(details);
      expect(added.ok, `公費${i}`).toBe(true);
      if (added.ok) details = added.value;
    }
    expect(details.morePublics).toHaveLength(3);
    const fifth = addPublic(details);
    expect(fifth.ok).toBe(false);
    if (!fifth.ok) expect(fifth.error).toEqual({ key: 'reception.rececon.publicMax', values: { max: 4 } });
    expect(removePublic(details, 0).morePublics).toHaveLength(2);
  });
  it('a draft holding more than three extra rows keeps three and says why', () => {
    const row = { payerNo: PAYER, recipientNo: RECIPIENT, validFrom: '', validUntil: '' };
    const read = readRececon({ ...emptyRececon(), morePublics: [row, row, row, row] }, context);
    expect(read.value.morePublics).toHaveLength(3);
    expect(read.warnings.publics?.key).toBe('reception.rececon.publicMax');
  });
  it('lists every 公費 in order: the insurance section’s first, then the details’ rows, blank rows dropped', () => {
    const details: RececonDetails = {
      ...emptyRececon(),
      firstPublic: { validFrom: '2025-04-01', validUntil: '2026-03-31' },
      morePublics: [{ payerNo: PAYER, recipientNo: RECIPIENT, validFrom: '', validUntil: '' }]
    };
    const insurance = { publicPayerNo: '12130017', publicRecipientNo: '1234566' };
    expect(publicsOf({ insurance, rececon: details })).toEqual([
      { payerNo: '12130017', recipientNo: '1234566', validFrom: '2025-04-01', validUntil: '2026-03-31' },
      { payerNo: PAYER, recipientNo: RECIPIENT, validFrom: '', validUntil: '' }
    ]);
    expect(
      publicsOf({ insurance: { publicPayerNo: '', publicRecipientNo: '' }, rececon: details })
    ).toHaveLength(1);
    expect(publicsOf({ insurance: { publicPayerNo: '', publicRecipientNo: '' } })).toEqual([]);
  });
});

describe('公費 numbers and dates', () => {
  const row = (over: Partial<RececonDetails['morePublics'][number]>) => ({
    ...emptyRececon(),
    morePublics: [{ payerNo: '', recipientNo: '', validFrom: '', validUntil: '', ...over }]
  });

  it('checks the 負担者番号 by its check digit, and keeps a wrong one as typed with a warning', () => {
    const good = readRececon(
      row({ payerNo: PAYER.replace(/^(\d{4})/, '$1-'), recipientNo: RECIPIENT }),
      context
    );
    expect(good.warnings).toEqual({});
    expect(good.value.morePublics[0]).toMatchObject({ payerNo: PAYER, recipientNo: RECIPIENT });
    const wrong = `${PAYER.slice(0, 7)}${(Number(PAYER[7]) + 1) % 10}`;
    const bad = readRececon(row({ payerNo: wrong, recipientNo: RECIPIENT }), context);
    expect(bad.warnings['public2.payerNo']?.key).toBe('patients.error.publicPayerNoCheckDigit');
    expect(bad.value.morePublics[0]?.payerNo).toBe(wrong);
  });
  it('takes a 受給者番号 of 8 digits or more with a word beside it; a 受給者番号 needs its 負担者番号', () => {
    const long = readRececon(row({ payerNo: PAYER, recipientNo: '12345678' }), context);
    expect(long.warnings['public2.recipientNo']?.key).toBe('patients.warning.recipientNoLength');
    const alone = readRececon(row({ recipientNo: RECIPIENT }), context);
    expect(alone.warnings['public2.payerNo']?.key).toBe('reception.error.payerForRecipient');
  });
  it('wants the validity from on or before until', () => {
    const same = readRececon(
      row({ payerNo: PAYER, validFrom: '2025-04-01', validUntil: '2025-04-01' }),
      context
    );
    expect(same.warnings).toEqual({});
    const reversed = readRececon(
      row({ payerNo: PAYER, validFrom: '2026-03-31', validUntil: '2025-04-01' }),
      context
    );
    expect(reversed.warnings['public2.validUntil']?.key).toBe('reception.rececon.dateOrder');
    const first = readRececon(
      { ...emptyRececon(), firstPublic: { validFrom: '2026-03-31', validUntil: '2025-04-01' } },
      { ...context, firstPayerNo: PAYER }
    );
    expect(first.warnings['public1.validUntil']?.key).toBe('reception.rececon.dateOrder');
  });
  it('a validity with no 公費 number beside it is pointed out', () => {
    const read = readRececon(
      { ...emptyRececon(), firstPublic: { validFrom: '2025-04-01', validUntil: '' } },
      context
    );
    expect(read.warnings['public1.validFrom']?.key).toBe('reception.rececon.periodWithoutNumber');
  });
});

describe('the other details', () => {
  it('資格取得日 in the future or not a date is pointed out', () => {
    expect(
      readRececon({ ...emptyRececon(), qualifiedOn: '2025-12-01' }, context).warnings.qualifiedOn?.key
    ).toBe('reception.error.dateFuture');
    expect(
      readRececon({ ...emptyRececon(), qualifiedOn: '2025-02-30' }, context).warnings.qualifiedOn?.key
    ).toBe('reception.error.date');
  });
  it('checks the 申立書’s phone number by the desk’s phone rule', () => {
    expect(
      readRececon(emptyRececon(), { ...context, declarationPhone: '０９０－１２３４－５６７８' }).warnings
    ).toEqual({});
    expect(
      readRececon(emptyRececon(), { ...context, declarationPhone: 'あとで' }).warnings.declPhone?.key
    ).toBe('reception.error.phone');
  });
  it('an unknown 保険種別 from a damaged draft is dropped; names and addresses are trimmed', () => {
    const read = readRececon(
      {
        ...emptyRececon(),
        insuranceKind: 'nope' as never,
        insuredName: ' 新井　 一郎 ',
        address: ' 札幌市\n中央区 '
      },
      context
    );
    expect(read.value).toMatchObject({
      insuranceKind: '',
      insuredName: '新井\u3000一郎',
      address: '札幌市 中央区'
    });
  });
  it('drafts written before the details existed read as empty details', () => {
    expect(receconOf(undefined)).toEqual(emptyRececon());
    expect(receconOf({ postalCode: '1' } as Partial<RececonDetails>).firstPublic).toEqual({
      validFrom: '',
      validUntil: ''
    });
    expect(isEmptyRececon(readRececon(undefined, context).value)).toBe(true);
  });
  it('the 保険種別 a valid 保険者番号 implies', () => {
    expect(kindFromInsurerNo(withCheck('13801'))).toBe('kokuho');
    expect(kindFromInsurerNo(withCheck('3913001'))).toBe('kouki');
    expect(kindFromInsurerNo(withCheck('0113001'))).toBe('shaho');
    expect(kindFromInsurerNo(withCheck('6713001'))).toBe('kokuho');
    expect(kindFromInsurerNo(withCheck('5413001'))).toBeNull();
    expect(kindFromInsurerNo('01130013')).toBeNull();
  });
});
