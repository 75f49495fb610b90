// Support for showing and printing a finished PDF in the app: the font fetched once per page life, and how this device prints.
import type { Problem, Result } from '../result';

/** What a screen hands the PDF output component once its PDF is made. */
export interface PdfMade {
  bytes: Uint8Array;
  fileName: string;
  missingChars: string[];
  pageCount: number;
  /** For the session timeline: '<kind> <count>', no patient content. */
  logDetail: string;
  /** Something that went wrong after the PDF was made (e.g. remembering the next number); shown, not fatal. */
  warning?: Problem;
}

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

/** A blob: URL for the PDF; revoke it when the preview closes. */
export function pdfUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
}
