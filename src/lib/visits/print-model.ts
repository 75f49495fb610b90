// A saved memo as the paper domain's visit-memo printout wants it: plain Japanese text, local times, no records.
import { translate } from '../i18n/translate';
import type { Arrival } from '../reception/model';
import type { Clinic, LocalDateTime, VisitMemo, VisitMemosInput } from '../paper/model';
import { localDate, localTime, type Memo } from './model';

/** Local wall-clock 'YYYY-MM-DDTHH:mm' of a stored ISO instant. */
export function toLocalDateTime(iso: string): LocalDateTime {
  const d = new Date(iso);
  return `${localDate(d)}T${localTime(d)}`;
}

/** One memo laid out for print. Printed paper is always Japanese. */
export function printableMemo(memo: Memo, arrival: Arrival): VisitMemo {
  const c = memo.content;
  const v = c.vitals;
  const suspected = c.suspected ? `（${translate('ja', 'visits.field.suspected')}）` : '';
  return {
    serial: memo.paperSerial || undefined,
    queueNumber: arrival.queueNo,
    arrivedAt: toLocalDateTime(arrival.arrivedAt),
    patientName: arrival.name,
    patientKana: arrival.kana || undefined,
    patientId: arrival.patientNo || undefined,
    birthDate: arrival.birthDate || undefined,
    sex: arrival.sex ? translate('ja', `reception.sex.${arrival.sex}`) : undefined,
    department: c.department || undefined,
    subjective: {
      chiefComplaint: c.complaint,
      presentIllness: c.history,
      medications: c.reportedMeds,
      allergies: c.allergies
    },
    objective: {
      temperature: v.temperature,
      bloodPressure: v.systolic || v.diastolic ? `${v.systolic}/${v.diastolic}` : '',
      pulse: v.pulse,
      spo2: v.spo2,
      respiratoryRate: v.respRate,
      height: v.height,
      weight: v.weight,
      findings: c.findings
    },
    assessment: c.assessment ? `${c.assessment}${suspected}` : '',
    plan: {
      prescriptions: c.prescriptions.map((p) => ({
        drug: p.drug,
        strength: p.strength,
        dose: p.dose,
        usage: p.usage,
        days: p.days,
        dispensing: p.dispensing
      })),
      procedures: c.procedures,
      tests: c.tests.map((x) => ({ name: x.name, state: x.state })),
      injections: c.injections,
      guidance: c.guidance,
      nextAppointment: c.nextAppointment,
      documents: {
        prescription: c.documents.includes('prescription'),
        referral: c.documents.includes('referral'),
        certificate: c.documents.includes('certificate'),
        other: ''
      }
    },
    revisions: memo.rev - 1,
    author: memo.authorName,
    writtenAt: toLocalDateTime(memo.updatedAt)
  };
}

export function printInput(memo: Memo, arrival: Arrival, clinic: Clinic, now: Date): VisitMemosInput {
  return {
    clinic,
    drill: memo.drill,
    printedAt: toLocalDateTime(now.toISOString()),
    memos: [printableMemo(memo, arrival)]
  };
}
