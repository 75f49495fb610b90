// The one way every printout reaches the user: the print font fetched once per page life, the PDF made
// on demand by the printout's own builder, handed over as a blob: URL under its meaningful file name
// (revoked when replaced or closed), and the print recorded — all here, whichever screen asked.
import { fail, ok, type Problem, type Result } from '../result';
import type { MessageKey } from '../i18n/keys';
import type { WriteContext } from '../store';
import { actorOf, audit } from '../store/audit';
import type { CurrentOutage } from '../outage/model';
import { logSessionOf, outageRepo } from '../outage/repo';
import type { PdfResult, PrintFile } from './model';

let font: Promise<Result<Uint8Array>> | null = null;

/**
 * The print font, fetched on the first PDF and kept for the page's life (the engine caches its
 * conversion per bytes object, so handing the same one keeps later PDFs fast). A failed fetch is retried next time.
 */
export function printFont(): Promise<Result<Uint8Array>> {
  font ??= import('./font-browser')
    .then(({ loadFontBytes }) => loadFontBytes())
    .then((result) => {
      if (!result.ok) font = null;
      return result;
    });
  return font;
}

/**
 * How a print is recorded, as it always has been for that printout: a 'printed' line on an outage's
 * timeline (the outage repo writes its 'print' audit line in the same transaction), or only the audit
 * line of the one record printed (a 預り証 is a copy of its bill, not an event of the outage).
 */
export type PrintLog =
  | {
      on: 'timeline';
      /** '<kind> <count>' or one word ('visitMemo'): what was printed and how many, never whose. */
      detail: string;
      /** Omitted: the outage this device works in now, and no line outside one. */
      sessionId?: string;
    }
  | { on: 'record'; detail: string; table: string; recordId: string; sessionId: string };

/** What a printout's builder hands the output path. */
export interface Printout {
  pdf: PdfResult;
  file: PrintFile;
  /** Not given: this print is not recorded (the incident report with nobody picked as staff). */
  log?: PrintLog;
  /** Something that went wrong after the PDF was made (e.g. remembering the next number); shown, not fatal. */
  warning?: Problem;
}

/**
 * Draws one printout with the print font. Errors come back as values; null means there is nothing to
 * print after all (the bill was voided while the PDF parts loaded).
 */
export type MakePrintout = (font: Uint8Array) => Promise<Result<Printout | null>>;

/** Where a print is recorded: the workspace's current outage and who is at the device. */
export interface PrintPlace {
  readonly outage: CurrentOutage | null;
  writeContext(now?: Date): WriteContext;
}

/** Write the print's record: the one place every printout's print is logged. */
export async function recordPrint(
  log: PrintLog,
  place: PrintPlace,
  now = new Date()
): Promise<Result<unknown>> {
  if (log.on === 'record') {
    const { detail, table, recordId, sessionId } = log;
    return audit.append(
      { action: 'print', table, recordId, sessionId, detail },
      actorOf(place.writeContext(now).actor, sessionId),
      now
    );
  }
  const sessionId = log.sessionId ?? (place.outage ? logSessionOf(place.outage) : null);
  if (!sessionId) return ok(null);
  return outageRepo.log(sessionId, 'printed', log.detail, place.writeContext(now));
}

/** A blob: URL for the PDF; revoke it when it is replaced or closed. */
export function pdfUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
}

/** A PDF ready to hand over. */
export interface Handout {
  url: string;
  fileName: string;
  pageCount: number;
  missingChars: string[];
}

export interface Printed {
  handout: Handout;
  /** The printout's own warning, then a record that could not be written: the PDF is made all the same. */
  warnings: Problem[];
}

/**
 * One print button's output: at most one PDF at a time, whose URL is revoked when the next one replaces
 * it or the button goes away, so a page printed from all day does not fill the memory with old PDFs.
 */
export class Printer {
  readonly #place: PrintPlace;
  readonly #font: () => Promise<Result<Uint8Array>>;
  #handout: Handout | null = null;

  /** `font` is the page's font cache; a test hands in its own. */
  constructor(place: PrintPlace, font: () => Promise<Result<Uint8Array>> = printFont) {
    this.#place = place;
    this.#font = font;
  }

  get handout(): Handout | null {
    return this.#handout;
  }

  /**
   * Make a printout and hand it over: the previous PDF goes first, the font comes from the page's
   * cache, and the print is recorded once the URL exists. `failed` says an unexpected error the way
   * the screen words it.
   */
  async print(
    make: MakePrintout,
    failed: MessageKey = 'paper.error.generate'
  ): Promise<Result<Printed | null>> {
    this.close();
    try {
      const bytes = await this.#font();
      if (!bytes.ok) return bytes;
      const [made, { printFileName }] = await Promise.all([make(bytes.value), import('./file-name')]);
      if (!made.ok) return made;
      if (!made.value) return ok(null);
      const { pdf, file, log, warning } = made.value;
      const handout: Handout = {
        url: pdfUrl(pdf.bytes),
        fileName: printFileName(file),
        pageCount: pdf.pageCount,
        missingChars: pdf.missingChars
      };
      // Two made at once (a double tap): the one finished last is kept, and the other's URL does not leak.
      this.close();
      this.#handout = handout;
      const warnings = warning ? [warning] : [];
      if (log) {
        const logged = await recordPrint(log, this.#place);
        // The PDF is made; a trail that could not be written is said, not passed over.
        if (!logged.ok) warnings.push(logged.error);
      }
      return ok({ handout, warnings });
    } catch (error) {
      return fail({ key: failed, values: { detail: error instanceof Error ? error.name : 'error' } });
    }
  }

  /** Let the PDF go: its URL is revoked (a tab already showing it keeps its copy). */
  close(): void {
    if (this.#handout) URL.revokeObjectURL(this.#handout.url);
    this.#handout = null;
  }
}

/** Save the handed-out PDF under its file name, as a tap on a download link would. */
export function saveHandout(handout: Handout): void {
  const a = document.createElement('a');
  a.href = handout.url;
  a.download = handout.fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

export interface PrintEnvironment {
  userAgent: string;
  platform: string;
  maxTouchPoints: number;
  /** Safari's navigator.standalone: the app was opened from the home screen. */
  standalone: boolean | undefined;
  /** matchMedia('(display-mode: standalone)'). */
  displayStandalone: boolean;
}

/** iPhone, iPod, or an iPad (which says it is a Mac, but has a touch screen). */
export function isIOS(env: Pick<PrintEnvironment, 'userAgent' | 'platform' | 'maxTouchPoints'>): boolean {
  return /iPad|iPhone|iPod/.test(env.userAgent) || (env.platform === 'MacIntel' && env.maxTouchPoints > 1);
}

/**
 * Whether to print by opening the PDF in a new tab instead of printing the preview frame: on iOS (where
 * printing a frame prints the page around it), on Android (no PDF viewer inside a page), and in an
 * installed app opened from the home screen.
 */
export function printsInNewTab(env: PrintEnvironment): boolean {
  return isIOS(env) || /Android/.test(env.userAgent) || env.standalone === true || env.displayStandalone;
}

/** This browser's print environment. */
export function printEnvironment(): PrintEnvironment {
  const nav = navigator as Navigator & { standalone?: boolean };
  return {
    userAgent: nav.userAgent,
    platform: nav.platform,
    maxTouchPoints: nav.maxTouchPoints ?? 0,
    standalone: nav.standalone,
    displayStandalone: typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches
  };
}
