// What a 預り証 (or a 自費 payment's お支払い控え) prints for one bill: the paper domain's input built from the bill, its arrival and the clinic.
import { translate } from '../i18n/translate';
import { toLocalDateTime } from '../outage/model';
import type { DepositSlipInput } from './model';
import type { Arrival } from '../reception/model';
import type { Clinic } from '../settings/model';
import { selfPayToSettle, type Bill } from '../billing/model';

/** The slip is printed in Japanese whatever the screen's language: it is handed to the patient. */
export function depositSlipInput(
  bill: Pick<Bill, 'kind' | 'serial' | 'issuedAt' | 'amount' | 'method' | 'receivedBy' | 'reason' | 'drill'>,
  arrival: Pick<Arrival, 'name' | 'kana' | 'patientNo'> | undefined,
  clinic: Pick<Clinic, 'name' | 'address' | 'phone' | 'medicalInstitutionCode'>,
  printedAt: Date
): DepositSlipInput {
  return {
    kind: bill.kind === 'selfPay' ? 'selfPay' : 'deposit',
    settleLater: selfPayToSettle(bill),
    clinic: {
      name: clinic.name,
      address: clinic.address,
      phone: clinic.phone,
      medicalInstitutionCode: clinic.medicalInstitutionCode
    },
    drill: bill.drill,
    printedAt: toLocalDateTime(printedAt),
    serial: bill.serial,
    receivedAt: toLocalDateTime(new Date(bill.issuedAt)),
    patientName: arrival?.name ?? '',
    patientKana: arrival?.kana || undefined,
    patientId: arrival?.patientNo || undefined,
    amount: bill.amount,
    method: bill.method ? translate('ja', `billing.method.${bill.method}`) : '',
    receiver: bill.receivedBy,
    reason: translate('ja', `billing.reason.${bill.reason}`)
  };
}
