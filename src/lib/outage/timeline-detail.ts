// Timeline details in words: the short texts domains log with an event ('arrivalSlip 5', 'resumed', 'CSV 受付一覧'…) as the reader's language.
import { translate } from '../i18n/translate';
// Its words come with it, wherever the timeline shows (the home screen, the audit log, the report).
import '../i18n/messages/timeline';
import type { Locale, MessageKey } from '../i18n/keys';
import type { TimelineKind } from './model';

/**
 * What recovery writes as the detail of its own exports and prints. The stored text is a log format:
 * old timelines keep it, so it is matched here, never changed.
 */
export const RECOVERY_DETAIL = {
  bundle: 'バンドル',
  csvPrefix: 'CSV ',
  /** The same tables as an Excel file (.xlsx), logged as 'Excel 受付一覧'. */
  xlsxPrefix: 'Excel ',
  report: '障害対応報告'
} as const;

/** The CSV titles recovery logs after 'CSV ' or 'Excel ' (csv-columns.ts CSV_TITLE; a test keeps the two in step). */
const CSV_TITLES: Record<string, MessageKey> = {
  受付一覧: 'recovery.timeline.csv.arrivals',
  診療メモ: 'recovery.timeline.csv.memos',
  預り金と精算: 'recovery.timeline.csv.bills',
  代行入力チェックリスト: 'recovery.timeline.csv.checklist'
};

/**
 * Paper the paper domain logs as '<kind> <count>': blank forms and notices count sheets; the filled
 * printouts (dayLog, visitMemos) count the records on them.
 */
const PAPER: Record<string, { key: MessageKey; counts: 'sheets' | 'records' }> = {
  arrivalSlip: { key: 'recovery.timeline.paper.arrivalSlip', counts: 'sheets' },
  intake: { key: 'recovery.timeline.paper.intake', counts: 'sheets' },
  visitMemo: { key: 'recovery.timeline.paper.visitMemo', counts: 'sheets' },
  depositSlip: { key: 'recovery.timeline.paper.depositSlip', counts: 'sheets' },
  eligibility: { key: 'recovery.timeline.paper.eligibility', counts: 'sheets' },
  waitingNotice: { key: 'recovery.timeline.paper.waitingNotice', counts: 'sheets' },
  outageCard: { key: 'recovery.timeline.paper.outageCard', counts: 'sheets' },
  dayLog: { key: 'recovery.timeline.paper.dayLog', counts: 'records' },
  visitMemos: { key: 'recovery.timeline.paper.visitMemos', counts: 'records' }
};

/** Single words logged on their own. */
const WORDS: Partial<Record<TimelineKind, Record<string, MessageKey>>> = {
  declared: { real: 'recovery.timeline.declared.real', drill: 'recovery.timeline.declared.drill' },
  note: { resumed: 'recovery.timeline.note.resumed' },
  // One filled memo printed from the memo screen (paper/MemoPrint): no count.
  printed: {
    visitMemo: 'recovery.timeline.printed.oneMemo',
    // One deposit slip printed at the cashier (paper/PrintSlip, audit trail only).
    depositSlip: 'recovery.timeline.paper.depositSlip',
    // One 自費 payment's お支払い控え printed at the cashier.
    selfPaySlip: 'recovery.timeline.printed.selfPaySlip',
    [RECOVERY_DETAIL.report]: 'recovery.timeline.printed.report'
  },
  exported: { [RECOVERY_DETAIL.bundle]: 'recovery.timeline.exported.bundle' }
};

/** recovery/repo.ts importDetail: '端末Bから 追加3 更新1 競合0 破損0'. */
const IMPORTED = /^端末(.+)から 追加(\d+) 更新(\d+) 競合(\d+) 破損(\d+)$/;
/** recovery/repo.ts purge: '42件'. */
const PURGED = /^(\d+)件$/;
const PAPER_COUNT = /^([A-Za-z]+) (\d+)$/;
/** A 院外処方箋 (prescription/issued.ts issuedDetail). */
const PRESCRIPTION = /^prescription (\S+) \S+ a[45]$/;

/** The event's detail for people to read; an unknown form is shown as it was stored. */
export function describeDetail(kind: TimelineKind, detail: string, locale: Locale): string {
  const text = detail.trim();
  if (!text) return '';
  const say = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const word = WORDS[kind]?.[text];
  if (word) return say(word);
  if (kind === 'printed') {
    // paper/PrescriptionPrint: 'prescription <serial> <memo id> <a4|a5>' — the number only is said.
    const rx = PRESCRIPTION.exec(text);
    if (rx) return say('recovery.timeline.printed.prescription', { serial: rx[1]! });
    const m = PAPER_COUNT.exec(text);
    const paper = m ? PAPER[m[1]!] : undefined;
    if (m && paper)
      return say(paper.counts === 'sheets' ? 'recovery.timeline.sheets' : 'recovery.timeline.records', {
        what: say(paper.key),
        n: Number(m[2])
      });
  }
  if (kind === 'exported' && text.startsWith(RECOVERY_DETAIL.csvPrefix)) {
    const title = CSV_TITLES[text.slice(RECOVERY_DETAIL.csvPrefix.length)];
    if (title) return say('recovery.timeline.exported.csv', { what: say(title) });
  }
  if (kind === 'exported' && text.startsWith(RECOVERY_DETAIL.xlsxPrefix)) {
    const title = CSV_TITLES[text.slice(RECOVERY_DETAIL.xlsxPrefix.length)];
    if (title) return say('recovery.timeline.exported.xlsx', { what: say(title) });
  }
  if (kind === 'imported') {
    const m = IMPORTED.exec(text);
    if (m)
      return say('recovery.timeline.imported.counts', {
        label: m[1]!,
        added: Number(m[2]),
        updated: Number(m[3]),
        conflicts: Number(m[4]),
        damaged: Number(m[5])
      });
  }
  // A join or a merge names the other device by its label.
  if (kind === 'joined' || kind === 'merged') return say('outage.timeline.device', { label: text });
  if (kind === 'purged') {
    const m = PURGED.exec(text);
    if (m) return say('recovery.timeline.purged.count', { n: Number(m[1]) });
  }
  return detail;
}
