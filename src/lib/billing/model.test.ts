// Amount parsing and the rules of a bill form.
import { describe, expect, it } from 'vitest';
import {
  arrivalStatusAfterVoid,
  arrivalStatusAfterBill,
  arrivalStatusFor,
  canPrintSlip,
  checkVoidReason,
  emptyBillForm,
  formatAmount,
  formatSerial,
  parseYen,
  readBillForm,
  serialCounterKey
} from './model';

describe('parseYen', () => {
  it.each([
    ['5000', 5000],
    ['5,000', 5000],
    ['５０００', 5000],
    ['５，０００', 5000],
    ['５、０００', 5000],
    [' 3 000 ', 3000],
    ['¥10,000', 10000],
    ['￥１０，０００', 10000],
    ['3,740円', 3740],
    ['0', 0],
    ['1200.0', 1200]
  ])('reads %s as %d', (text, yen) => {
    expect(parseYen(text)).toEqual({ ok: true, value: yen });
  });

  it.each([
    ['', 'billing.error.amountRequired'],
    ['  ', 'billing.error.amountRequired'],
    ['-500', 'billing.error.amountNegative'],
    ['－５００', 'billing.error.amountNegative'],
    ['−500', 'billing.error.amountNegative'],
    ['1200.5', 'billing.error.amountWhole'],
    ['abc', 'billing.error.amountInvalid'],
    ['5千', 'billing.error.amountInvalid'],
    ['1e4', 'billing.error.amountInvalid'],
    ['10000000', 'billing.error.amountTooLarge']
  ])('refuses %s', (text, key) => {
    const r = parseYen(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe(key);
  });
});

describe('formatAmount', () => {
  it('adds thousands separators', () => {
    expect(formatAmount(0)).toBe('0');
    expect(formatAmount(999)).toBe('999');
    expect(formatAmount(5000)).toBe('5,000');
    expect(formatAmount(1234567)).toBe('1,234,567');
  });
});

describe('serials', () => {
  it('prints the device label and a four-digit number', () => {
    expect(formatSerial('A', 3)).toBe('A-0003');
    expect(formatSerial('BC', 12345)).toBe('BC-12345');
  });
  it('keeps one counter per device label, not per session', () => {
    expect(serialCounterKey('A')).not.toBe(serialCounterKey('B'));
    expect(serialCounterKey('A')).toBe(serialCounterKey('A'));
  });
});

describe('readBillForm', () => {
  it('reads a deposit typed in 全角', () => {
    const r = readBillForm({ ...emptyBillForm('受付 花子'), amountText: '５，０００' });
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'deposit',
        amount: 5000,
        method: 'cash',
        receivedBy: '受付 花子',
        reason: 'systemDown',
        paperSerial: ''
      }
    });
  });

  it('needs an amount above zero and a method for money taken', () => {
    const r = readBillForm({ ...emptyBillForm('花子'), kind: 'selfPay', amountText: '0', method: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.amount?.key).toBe('billing.error.amountZero');
      expect(r.error.method?.key).toBe('billing.error.method');
    }
  });

  it('pay-later takes no amount and no method, whatever was typed', () => {
    const r = readBillForm({ ...emptyBillForm('花子'), kind: 'payLater', amountText: 'abc' });
    expect(r.ok && r.value).toMatchObject({ kind: 'payLater', amount: 0, method: '' });
  });

  it('needs a receiver and a reason', () => {
    const r = readBillForm({ ...emptyBillForm(' '), amountText: '3000', reason: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error).sort()).toEqual(['reason', 'receivedBy']);
  });

  it('asks for who handled a pay-later (担当), not who received money', () => {
    const later = readBillForm({ ...emptyBillForm(''), kind: 'payLater' });
    expect(!later.ok && later.error.receivedBy?.key).toBe('billing.error.handledBy');
    const deposit = readBillForm({ ...emptyBillForm(''), amountText: '3000' });
    expect(!deposit.ok && deposit.error.receivedBy?.key).toBe('billing.error.receivedBy');
  });

  it('normalises a handwritten slip number', () => {
    const r = readBillForm({ ...emptyBillForm('花子'), amountText: '3000', paperSerial: 'ａ－０００３' });
    expect(r.ok && r.value.paperSerial).toBe('A-0003');
  });
});

describe('arrival status from its bills', () => {
  const v = { at: '', by: '', reason: 'x' };
  it('money taken → 会計済, only pay-later → 後日精算, all voided → back to 会計待ち', () => {
    expect(arrivalStatusFor([{ kind: 'deposit', voided: null }])).toBe('paid');
    expect(arrivalStatusFor([{ kind: 'payLater', voided: null }])).toBe('payLater');
    expect(
      arrivalStatusFor([
        { kind: 'payLater', voided: null },
        { kind: 'selfPay', voided: null }
      ])
    ).toBe('paid');
    expect(
      arrivalStatusFor([
        { kind: 'deposit', voided: v },
        { kind: 'payLater', voided: null }
      ])
    ).toBe('payLater');
    expect(arrivalStatusFor([{ kind: 'deposit', voided: v }])).toBe('awaitingPayment');
  });
});

describe('canPrintSlip', () => {
  it('prints a slip for every standing payment (預り証 for a deposit, お支払い控え for 自費), never for a voided one or a pay-later', () => {
    expect(canPrintSlip({ kind: 'deposit', voided: null })).toBe(true);
    expect(canPrintSlip({ kind: 'deposit', voided: { at: 'x', by: '花子', reason: '二重' } })).toBe(false);
    expect(canPrintSlip({ kind: 'selfPay', voided: null })).toBe(true);
    expect(canPrintSlip({ kind: 'payLater', voided: null })).toBe(false);
  });
});

describe('checkVoidReason', () => {
  it('needs a reason of reasonable length', () => {
    expect(checkVoidReason('  ').reason?.key).toBe('billing.error.voidReason');
    expect(checkVoidReason('x'.repeat(201)).reason?.key).toBe('billing.error.voidReasonLong');
    expect(checkVoidReason('二重登録')).toEqual({});
  });
});

describe('arrivalStatusAfterVoid', () => {
  const v = { at: '', by: '', reason: 'x' };
  it('follows the remaining bills only for arrivals the cashier moved', () => {
    expect(arrivalStatusAfterVoid('paid', [{ kind: 'deposit', voided: v }])).toBe('awaitingPayment');
    expect(
      arrivalStatusAfterVoid('paid', [
        { kind: 'deposit', voided: v },
        { kind: 'deposit', voided: null }
      ])
    ).toBeNull();
    expect(
      arrivalStatusAfterVoid('paid', [
        { kind: 'deposit', voided: v },
        { kind: 'payLater', voided: null }
      ])
    ).toBe('payLater');
    expect(arrivalStatusAfterVoid('left', [{ kind: 'deposit', voided: v }])).toBeNull();
  });
});

describe('arrivalStatusAfterBill', () => {
  const deposit = { kind: 'deposit' as const, voided: null };
  it('leaves a patient not yet seen where they are: a deposit at the desk does not take them out of the queue', () => {
    expect(arrivalStatusAfterBill('waiting', [deposit])).toBeNull();
    expect(arrivalStatusAfterBill('inConsult', [{ kind: 'payLater', voided: null }])).toBeNull();
  });
  it('after the consultation the bills decide', () => {
    expect(arrivalStatusAfterBill('awaitingPayment', [deposit])).toBe('paid');
    expect(arrivalStatusAfterBill('awaitingPayment', [{ kind: 'payLater', voided: null }])).toBe('payLater');
  });
});
