// File names for saved PDFs: date first so they sort by day, then what they hold: '2025-11-15_預り証_A-0003.pdf'.
import { isoDate } from './datetime';
import { FILE_LABELS } from './form-text';
import type { FileKind, LocalDate, LocalDateTime, PrintFile } from './model';

/** Characters Windows, macOS or a USB stick's FAT would refuse in a file name (control codes too). */
const UNSAFE = new Set([...'\\/:*?"<>|']);

function safe(text: string): string {
  return [...text].filter((ch) => !UNSAFE.has(ch) && ch.charCodeAt(0) >= 0x20).join('');
}

export function fileName(
  kind: FileKind,
  date: LocalDate | LocalDateTime,
  serial?: string,
  drill = false
): string {
  const day = isoDate(date) || safe(date);
  const parts = [
    day,
    ...(drill ? [FILE_LABELS.drill] : []),
    FILE_LABELS[kind],
    ...(serial ? [safe(serial)] : [])
  ];
  return `${parts.join('_')}.pdf`;
}

/** The name a printout's PDF is handed over under. */
export function printFileName(file: PrintFile): string {
  return fileName(file.kind, file.date, file.serial, file.drill);
}
