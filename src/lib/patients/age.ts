// Age in full years (満年齢) on a given day, from ISO dates: the clock is passed in, never read.

/** Full years from birthDate to on (both ISO yyyy-mm-dd); a birthday on 2月29日 counts on 3月1日 in other years. */
export function ageOn(birthDate: string, on: string): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age--;
  return age;
}
