// How a record a paper form is linked to is named on screen and reached: its screen's link, in the screen's language.
import { t } from '../i18n';
import { formatAmount, type Bill } from '../billing/model';
import type { Arrival } from '../reception/model';
import { arrivalHref } from '../reception/links';
import type { Memo } from '../visits/model';
import type { LinkedKind } from './links';

export interface RecordView {
  kind: LinkedKind;
  recordId: string;
  arrival?: Pick<Arrival, 'id' | 'queueNo' | 'name'>;
  memo?: Pick<Memo, 'arrivalId'>;
  bill?: Pick<Bill, 'arrivalId' | 'serial' | 'kind' | 'amount' | 'voided'>;
}

function who(arrival: RecordView['arrival']): string {
  return arrival ? `${arrival.queueNo} ${arrival.name}` : t('paper.record.unknownArrival');
}

/** '受付 A-001 山田 太郎', '診療メモ A-001 山田 太郎', '会計 A-0003 預り金 3,000円（A-001 山田 太郎）'. */
export function recordLabel(view: RecordView): string {
  if (view.kind === 'arrival') return t('paper.record.arrival', { who: who(view.arrival) });
  if (view.kind === 'memo') return t('paper.record.memo', { who: who(view.arrival) });
  const bill = view.bill;
  if (!bill) return t('paper.record.missing');
  return t(bill.voided ? 'paper.record.billVoided' : 'paper.record.bill', {
    serial: bill.serial || '—',
    kind: t(`billing.kind.${bill.kind}`),
    amount: formatAmount(bill.amount),
    who: who(view.arrival)
  });
}

/** The screen that shows the record: the arrival's detail, its memo, or its bill. */
export function recordHref(view: RecordView): string | null {
  const arrivalId = view.arrival?.id ?? view.memo?.arrivalId ?? view.bill?.arrivalId;
  if (view.kind === 'arrival') return arrivalHref('/reception/', view.recordId);
  if (!arrivalId) return null;
  return arrivalHref(view.kind === 'memo' ? '/visits/' : '/billing/', arrivalId);
}
