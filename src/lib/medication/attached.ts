// An お薬手帳 attached to a visit memo: the text as read (parsed again when shown, so no record is ever lost), how and when.
export type NotebookSource = 'camera' | 'paste';
export const notebookSources: NotebookSource[] = ['camera', 'paste'];

export interface AttachedNotebook {
  id: string;
  /** The decoded text, split parts already joined: JAHISTCnn first, CRLF lines. */
  text: string;
  source: NotebookSource;
  attachedAt: string; // ISO instant
  /** Attached although its name or birth date differs from the arrival, after the staff confirmed. */
  confirmedOther: boolean;
}

/** One line per attached notebook for the memo's history: version, first dispensing line, how it came. */
export function notebookSummary(list: readonly AttachedNotebook[] | undefined): string {
  return (list ?? [])
    .map(
      (n) => `${n.text.split(/\r\n|\n|\r/, 1)[0]} ${n.source} ${n.attachedAt}${n.confirmedOther ? ' !' : ''}`
    )
    .join('\n');
}
