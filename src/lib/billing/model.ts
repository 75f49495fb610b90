// IOU billing during the outage — deposits (預り金), pay-later (後日精算), self-pay — and settlement afterwards: types.
import type { RecordMeta } from '../store/record';

export type BillKind = 'deposit' | 'payLater' | 'selfPay'; // 預り金 / 後日精算 / 自費(全額)
export type PaymentMethod = 'cash' | 'card' | 'qr' | 'other';
export type BillReason = 'systemDown' | 'insuranceUnconfirmed' | 'notCalculated'; // システム障害 / 保険証未確認 / 会計未計算

export interface Voiding {
  at: string;
  by: string;
  reason: string;
}

export interface Bill extends RecordMeta {
  arrivalId: string;
  kind: BillKind;
  /** Whole yen, never negative; 0 for pay-later. */
  amount: number;
  method: PaymentMethod | '';
  receivedBy: string;
  reason: BillReason;
  /** Deposit serial unique across devices: device label + number, e.g. A-0003 ('' for pay-later). */
  serial: string;
  issuedAt: string;
  /** A correction (取消) keeps the original with a reason. */
  voided: Voiding | null;
  paperSerial: string;
}

/** 未精算 / 精算済 / 返金待ち / 連絡不能 / 取消 */
export type SettlementStatus = 'open' | 'settled' | 'refundPending' | 'unreachable' | 'cancelled';

export interface Settlement extends RecordMeta {
  billId: string;
  /** The real charge from the レセコン: 一部負担金 + 自費, in yen. */
  copayCharge: number;
  selfPayCharge: number;
  status: SettlementStatus;
  settledAt: string;
  method: PaymentMethod | '';
  settledBy: string;
  /** 領収証 number issued by the レセコン. */
  receiptNo: string;
  note: string;
}

export function formatSerial(deviceLabel: string, seq: number): string {
  return `${deviceLabel}-${String(seq).padStart(4, '0')}`;
}

export function serialCounterKey(deviceLabel: string): string {
  // Serials never restart: one sequence per device label across sessions, so a slip is never ambiguous.
  return `deposit:${deviceLabel}`;
}
