// Age in full years (満年齢) on a given day, from ISO dates: the clock is passed in, never read.

/** Full years from birthDate to on (both ISO yyyy-mm-dd); a birthday on 2月29日 counts on 3月1日 in other years. */
export function ageOn(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age--;
  return age;
}

/** Which age band of the 医療保険 a patient is in on a day, and the share (負担割合) it usually means. */
export type CopayBand = 'preschool' | 'working' | 'elderly70' | 'lateElderly';
export interface CopayHint {
  band: CopayBand;
  /** The usual share for the band; income and other rules can change it, so it is a hint only. */
  usual: '1' | '2' | '3';
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
/** The day `years` after a birth date; 2月29日 falls on 3月1日 in other years. */
function anniversary(birthDate: string, years: number): Date {
  const y = Number(birthDate.slice(0, 4)) + years;
  const m = Number(birthDate.slice(5, 7));
  const d = Number(birthDate.slice(8, 10));
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 ? day : new Date(Date.UTC(y, m, 1));
}

/**
 * The 負担割合 a patient's age usually means on a day (ISO dates), for a hint beside the field:
 * 未就学児 2割 until the first 31 March on or after the day they reach 6 (the day before the 6th
 * birthday); 3割 from then; 2割 from the first of the month after the 70th birthday (that month for
 * one born on the 1st); 1割 from the 75th birthday (後期高齢者医療). Null for a birth date after the day.
 */
export function copayHint(birthDate: string, on: string): CopayHint | null {
  if (birthDate > on) return null;
  if (on >= isoOf(anniversary(birthDate, 75))) return { band: 'lateElderly', usual: '1' };
  const seventy = anniversary(birthDate, 70);
  const from70 =
    Number(birthDate.slice(8, 10)) === 1
      ? new Date(Date.UTC(seventy.getUTCFullYear(), seventy.getUTCMonth(), 1))
      : new Date(Date.UTC(seventy.getUTCFullYear(), seventy.getUTCMonth() + 1, 1));
  if (on >= isoOf(from70)) return { band: 'elderly70', usual: '2' };
  const reachesSix = anniversary(birthDate, 6);
  reachesSix.setUTCDate(reachesSix.getUTCDate() - 1);
  const y = reachesSix.getUTCFullYear();
  const march31 = `${reachesSix.getUTCMonth() + 1 <= 3 ? y : y + 1}-03-31`;
  return on <= march31 ? { band: 'preschool', usual: '2' } : { band: 'working', usual: '3' };
}
