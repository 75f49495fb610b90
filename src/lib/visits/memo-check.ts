// Checks a memo before it is saved: what must be there (date, doctor, each drug's name) and what must make sense (times, days).
import type { FieldProblems } from '../result';
import { localDate, toHalfWidth, type MemoContent } from './model';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getMonth() === mo - 1 && date.getDate() === d;
}

/** Problem keys for rows are `prescriptions.<row id>.<field>`, so the message sits beside that row's input. */
export function rowField(list: 'prescriptions' | 'tests', id: string, field: string): string {
  return `${list}.${id}.${field}`;
}

/**
 * Blocking problems of a memo (already normalised: blank rows dropped). `now` is the device's clock:
 * the visit date may be today or earlier, never later. Vitals are checked apart, as warnings.
 */
export function checkMemo(content: MemoContent, now: Date): FieldProblems {
  const problems: FieldProblems = {};
  const today = localDate(now);
  if (!validDate(content.date)) problems.date = { key: 'visits.error.date', field: 'date' };
  else if (content.date > today)
    problems.date = { key: 'visits.error.dateFuture', values: { today }, field: 'date' };
  if (content.startTime && !TIME.test(content.startTime))
    problems.startTime = { key: 'visits.error.time', field: 'startTime' };
  if (content.endTime && !TIME.test(content.endTime))
    problems.endTime = { key: 'visits.error.time', field: 'endTime' };
  else if (
    content.endTime &&
    content.startTime &&
    TIME.test(content.startTime) &&
    content.endTime < content.startTime
  )
    problems.endTime = { key: 'visits.error.endBeforeStart', field: 'endTime' };
  if (!content.doctor.trim()) problems.doctor = { key: 'visits.error.doctor', field: 'doctor' };
  for (const p of content.prescriptions) {
    if (!p.drug.trim()) {
      const field = rowField('prescriptions', p.id, 'drug');
      problems[field] = { key: 'visits.error.drug', field };
    }
    const days = toHalfWidth(p.days);
    if (days && !/^[1-9]\d{0,2}$/.test(days)) {
      const field = rowField('prescriptions', p.id, 'days');
      problems[field] = { key: 'visits.error.days', field };
    }
  }
  return problems;
}
