// Money as the screen shows it, in the current language: '5,000円' / '¥5,000', and a settlement's difference.
import { t } from '../i18n';
import { formatAmount, takesMoney, type Bill } from './model';
import type { SettlementFigures } from './settlement';

export function yenLabel(amount: number): string {
  return t('billing.yen', { amount: formatAmount(amount) });
}

/** A bill in a sentence: 'A-0002 山田 太郎 預り金 3,000円' (serial, patient when given, kind, money taken). */
export function billWhat(bill: Pick<Bill, 'serial' | 'kind' | 'amount'>, name = ''): string {
  const kind = t(`billing.kind.${bill.kind}`);
  return [bill.serial, name, kind, takesMoney(bill.kind) ? yenLabel(bill.amount) : '']
    .filter(Boolean)
    .join(' ');
}

/** '返金 1,260円', '追加徴収 1,200円', '過不足なし', or '未入力' before the charge is known. */
export function differenceLabel(f: SettlementFigures | null): string {
  if (!f) return t('billing.settle.notEntered');
  if (f.refund > 0) return t('billing.settle.refund', { amount: formatAmount(f.refund) });
  if (f.toCollect > 0) return t('billing.settle.collect', { amount: formatAmount(f.toCollect) });
  return t('billing.settle.even');
}
