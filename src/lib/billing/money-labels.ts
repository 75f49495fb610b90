// Money as the screen shows it, in the current language: '5,000円' / '¥5,000', and a settlement's difference.
import { t } from '../i18n';
import { formatAmount, takesMoney, type Bill } from './model';
import type { SettlementFigures } from './settlement';
import type { ClinicDrawers } from './cash-count';
import type { MessageKey } from '../i18n';

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

/** A difference with its sign, as a till count shows it: '+1,000', '−1,000', '±0'. */
export function signedAmount(amount: number): string {
  if (amount === 0) return '±0';
  return (amount > 0 ? '+' : '−') + formatAmount(Math.abs(amount));
}

/**
 * The till count's verdict in one sentence, as the billing screen, the settle screen and the incident
 * report (screen and PDF) all say it: 合っています only for counted tills that match.
 */
export function countVerdict(
  check: ClinicDrawers,
  tr: (key: MessageKey, values?: Record<string, string | number>) => string = t
): string {
  const drawers = check.uncounted.join('・');
  switch (check.state) {
    case 'matches':
      return tr('billing.count.headline.matches', {
        counted: formatAmount(check.counted ?? 0),
        expected: formatAmount(check.expected)
      });
    case 'short':
    case 'over':
      return tr(`billing.count.headline.${check.state}`, {
        amount: formatAmount(Math.abs(check.difference ?? 0))
      });
    case 'offsetting':
      return tr('billing.count.headline.offsetting');
    case 'stale':
      return tr('billing.count.headline.stale', { drawers });
    case 'notCounted':
      return check.drawers.length === 0
        ? tr('billing.count.headline.none')
        : tr('billing.count.headline.notCounted', { drawers });
  }
}
