// Dates and times as printed on Japanese forms, from the local wall-clock strings the view models carry.
import type { LocalDate, LocalDateTime } from './model';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

/** '2025-11-15' → '2025年11月15日'; text that is not a date prints as given. */
export function formatDate(date: LocalDate | LocalDateTime): string {
  const m = DATE_TIME.exec(date);
  if (!m) return date;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** '2025-11-15T09:05' → '09:05'. */
export function formatTime(dateTime: LocalDateTime): string {
  const m = DATE_TIME.exec(dateTime);
  return m?.[4] ? `${m[4]}:${m[5]}` : '';
}

/** '2025-11-15T09:05' → '2025年11月15日 09:05'. */
export function formatDateTime(dateTime: LocalDateTime): string {
  const time = formatTime(dateTime);
  return time ? `${formatDate(dateTime)} ${time}` : formatDate(dateTime);
}

/** The 'YYYY-MM-DD' part, for file names. */
export function isoDate(dateTime: LocalDate | LocalDateTime): string {
  const m = DATE_TIME.exec(dateTime);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}
