// The PDF engine over jsPDF: A4 pages, the embedded Japanese font, text that reports what it cannot draw, footer and drill stamp.
import { GState, jsPDF } from 'jspdf';
import { toPrintable } from './coverage';
import { formatDateTime } from './datetime';
import { FOOTER, STAMP } from './form-text';
import type { Clinic, FontBytes, LocalDateTime, PdfResult } from './model';
import { wrapText } from './text-wrap';

export const PAGE_WIDTH = 210;
export const PAGE_HEIGHT = 297;
/** 15 mm all round: inside what office laser and inkjet printers can reach. */
export const MARGIN = 15;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Lowest y content may reach; the footer sits below it, inside the margin. */
export const CONTENT_BOTTOM = PAGE_HEIGHT - MARGIN;
/** Millimetres per typographic point. */
export const PT = 25.4 / 72;

const FONT_FILE = 'NotoSansJP-subset.ttf';
const FONT_NAME = 'NotoSansJP';

export interface TextStyle {
  /** Points; 10 unless given. */
  size?: number;
  /** Drawn by stroking the outline as well as filling it: one font serves both weights. */
  bold?: boolean;
  underline?: boolean;
  align?: 'left' | 'center' | 'right';
  /** 0 (black) to 255 (white). */
  gray?: number;
  /** Line height as a multiple of the size; 1.45 unless given. */
  leading?: number;
}

export interface PaperOptions {
  font: FontBytes;
  clinic: Clinic;
  /** Stamps 訓練 on every page. */
  drill: boolean;
  /** The PDF's document title (viewer title bar), not printed. */
  title: string;
  printedAt?: LocalDateTime;
  /** A4 unless given; an A5 page (148 × 210 mm) for the 処方箋. The margins stay the same. */
  format?: PageFormat;
}

export type PageFormat = 'a4' | 'a5';
/** Page sizes in mm, portrait. */
export const PAGE_SIZES: Record<PageFormat, { width: number; height: number }> = {
  a4: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
  a5: { width: 148, height: 210 }
};

export interface LineStyle {
  width?: number;
  gray?: number;
  dash?: boolean;
}

/** One PDF being drawn. Coordinates are millimetres from the top-left corner of the page. */
export class Paper {
  readonly pdf: jsPDF;
  readonly clinic: Clinic;
  readonly drill: boolean;
  readonly format: PageFormat;
  readonly pageWidth: number;
  readonly pageHeight: number;
  private readonly printedAt: LocalDateTime | undefined;
  /** Flow cursor: the top of the free space on the current page. */
  y = MARGIN;
  private readonly missing = new Set<string>();
  private readonly unitWidths = new Map<string, number>();

  constructor(options: PaperOptions) {
    this.clinic = options.clinic;
    this.drill = options.drill;
    this.printedAt = options.printedAt;
    this.format = options.format ?? 'a4';
    this.pageWidth = PAGE_SIZES[this.format].width;
    this.pageHeight = PAGE_SIZES[this.format].height;
    this.pdf = new jsPDF({
      unit: 'mm',
      format: this.format,
      orientation: 'portrait',
      compress: true,
      putOnlyUsedFonts: true
    });
    this.pdf.addFileToVFS(FONT_FILE, binaryString(options.font));
    this.pdf.addFont(FONT_FILE, FONT_NAME, 'normal', 'normal', 'Identity-H');
    this.pdf.setFont(FONT_NAME, 'normal');
    this.pdf.setProperties({ title: options.title, creator: 'tebikae' });
    this.pdf.setLanguage('ja');
    this.pdf.setLineWidth(0.2);
  }

  get pageCount(): number {
    return this.pdf.getNumberOfPages();
  }

  /** The text as it will print: characters the font lacks become 〓 and are remembered for the result. */
  printable(text: string): string {
    const result = toPrintable(text);
    for (const ch of result.missing) this.missing.add(ch);
    return result.text;
  }

  /** Width in mm of already printable text at `size` points. */
  width(text: string, size: number): number {
    let units = 0;
    for (const ch of text) units += this.unitWidth(ch);
    return units * size * PT;
  }

  private unitWidth(ch: string): number {
    let w = this.unitWidths.get(ch);
    if (w === undefined) {
      w = this.pdf.getStringUnitWidth(ch);
      this.unitWidths.set(ch, w);
    }
    return w;
  }

  lineHeight(style: TextStyle = {}): number {
    return (style.size ?? 10) * PT * (style.leading ?? 1.45);
  }

  /** Printable lines of `text` wrapped to `width` mm. */
  wrap(text: string, width: number, size = 10): string[] {
    const perPoint = size * PT;
    return wrapText(this.printable(text), width, (ch) => this.unitWidth(ch) * perPoint);
  }

  /** One unwrapped line with its baseline at y; `x` is the left, centre or right edge by `align`. Returns its width. */
  text(text: string, x: number, y: number, style: TextStyle = {}): number {
    return this.drawLine(this.printable(text), x, y, style);
  }

  private drawLine(line: string, x: number, y: number, style: TextStyle): number {
    if (!line) return 0;
    const size = style.size ?? 10;
    const w = this.width(line, size);
    const left = style.align === 'center' ? x - w / 2 : style.align === 'right' ? x - w : x;
    const pdf = this.pdf;
    pdf.setFontSize(size);
    if (style.gray !== undefined) pdf.setTextColor(style.gray);
    if (style.bold) {
      const lineWidth = pdf.getLineWidth();
      pdf.setLineWidth(size * PT * 0.035);
      if (style.gray !== undefined) pdf.setDrawColor(style.gray);
      pdf.text(line, left, y, { renderingMode: 'fillThenStroke' });
      if (style.gray !== undefined) pdf.setDrawColor(0);
      pdf.setLineWidth(lineWidth);
    } else {
      pdf.text(line, left, y);
    }
    if (style.gray !== undefined) pdf.setTextColor(0);
    if (style.underline)
      this.line(left, y + size * PT * 0.15, left + w, y + size * PT * 0.15, { width: size * 0.012 });
    return w;
  }

  /** Wrapped text whose first line box starts at `top`; no page breaks. Returns the height used. */
  block(text: string, x: number, top: number, width: number, style: TextStyle = {}): number {
    const lines = this.wrap(text, width, style.size);
    const lh = this.lineHeight(style);
    const edge = style.align === 'center' ? x + width / 2 : style.align === 'right' ? x + width : x;
    lines.forEach((line, i) => this.drawLine(line, edge, top + i * lh + this.baseline(style), style));
    return lines.length * lh;
  }

  /** Distance from the top of a line box to its baseline. */
  baseline(style: TextStyle = {}): number {
    const size = (style.size ?? 10) * PT;
    return (this.lineHeight(style) - size) / 2 + size * 0.88;
  }

  /** Wrapped text at the cursor, continuing on new pages as needed. */
  flow(text: string, style: TextStyle & { x?: number; width?: number } = {}): void {
    const x = style.x ?? MARGIN;
    const width = style.width ?? CONTENT_WIDTH - (x - MARGIN);
    const lh = this.lineHeight(style);
    const edge = style.align === 'center' ? x + width / 2 : style.align === 'right' ? x + width : x;
    for (const line of this.wrap(text, width, style.size)) {
      this.ensure(lh);
      this.drawLine(line, edge, this.y + this.baseline(style), style);
      this.y += lh;
    }
  }

  /** Starts a new page when less than `height` mm is left; returns whether it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.pageHeight - MARGIN) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.pdf.addPage(this.format, 'portrait');
    this.y = MARGIN;
  }

  line(x1: number, y1: number, x2: number, y2: number, style: LineStyle = {}): void {
    const pdf = this.pdf;
    const lineWidth = pdf.getLineWidth();
    if (style.width !== undefined) pdf.setLineWidth(style.width);
    if (style.gray !== undefined) pdf.setDrawColor(style.gray);
    if (style.dash) pdf.setLineDashPattern([1.5, 1.2], 0);
    pdf.line(x1, y1, x2, y2);
    if (style.dash) pdf.setLineDashPattern([], 0);
    if (style.gray !== undefined) pdf.setDrawColor(0);
    if (style.width !== undefined) pdf.setLineWidth(lineWidth);
  }

  /** A rectangle: outlined, filled with a gray (0–255), or both. */
  rect(
    x: number,
    y: number,
    w: number,
    h: number,
    style: LineStyle & { fill?: number; stroke?: boolean } = {}
  ): void {
    const pdf = this.pdf;
    const stroke = style.stroke ?? style.fill === undefined;
    const lineWidth = pdf.getLineWidth();
    if (style.width !== undefined) pdf.setLineWidth(style.width);
    if (style.gray !== undefined) pdf.setDrawColor(style.gray);
    if (style.fill !== undefined) pdf.setFillColor(style.fill, style.fill, style.fill);
    if (style.dash) pdf.setLineDashPattern([1.5, 1.2], 0);
    pdf.rect(x, y, w, h, style.fill !== undefined ? (stroke ? 'FD' : 'F') : 'S');
    if (style.dash) pdf.setLineDashPattern([], 0);
    if (style.fill !== undefined) pdf.setFillColor(0, 0, 0);
    if (style.gray !== undefined) pdf.setDrawColor(0);
    if (style.width !== undefined) pdf.setLineWidth(lineWidth);
  }

  /** Adds footer (and stamp, for a drill) to every page and returns the file. */
  finish(): PdfResult {
    const pages = this.pageCount;
    const faint = this.drill ? new GState({ opacity: 0.16 }) : undefined;
    const opaque = this.drill ? new GState({ opacity: 1 }) : undefined;
    for (let page = 1; page <= pages; page++) {
      this.pdf.setPage(page);
      if (faint && opaque) this.stamp(faint, opaque);
      this.footer(page, pages);
    }
    const missingChars = [...this.missing].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
    return { bytes: new Uint8Array(this.pdf.output('arraybuffer')), missingChars, pageCount: pages };
  }

  private footer(page: number, pages: number): void {
    const y = this.pageHeight - 9;
    const style = { size: 8, gray: 60 };
    const right = this.pageWidth - MARGIN;
    this.line(MARGIN, y - 4, right, y - 4, { width: 0.15, gray: 150 });
    const numberWidth = this.text(`${page} / ${pages}`, right, y, { ...style, align: 'right' });
    const middle = this.drill
      ? FOOTER.drill
      : this.printedAt
        ? `${FOOTER.printedAt} ${formatDateTime(this.printedAt)}`
        : '';
    const middleWidth = this.text(middle, right - numberWidth - 8, y, {
      ...style,
      align: 'right',
      bold: this.drill
    });
    // The clinic name takes the rest of the line, in smaller type if it must: never over the other two.
    const room = right - numberWidth - 8 - middleWidth - 6 - MARGIN;
    const name = this.printable(this.clinic.name);
    const size = Math.max(5, Math.min(8, (8 * room) / Math.max(1, this.width(name, 8))));
    this.drawLine(name, MARGIN, y, { ...style, size });
  }

  /** 訓練 across the page, faint enough to read the form through it. */
  private stamp(faint: GState, opaque: GState): void {
    const size = this.format === 'a5' ? 105 : 150;
    const angle = 35;
    const rad = (angle * Math.PI) / 180;
    const w = this.width(STAMP, size);
    const half = (size * PT * 0.76) / 2;
    const cx = this.pageWidth / 2;
    const cy = this.pageHeight / 2;
    // Start of the baseline so the rotated word is centred on the page.
    const x = cx - (w / 2) * Math.cos(rad) + half * Math.sin(rad);
    const y = cy + (w / 2) * Math.sin(rad) + half * Math.cos(rad);
    this.pdf.setGState(faint);
    this.pdf.setFontSize(size);
    this.pdf.setTextColor(120);
    this.pdf.text(STAMP, x, y, { angle });
    this.pdf.setTextColor(0);
    this.pdf.setGState(opaque);
    // A small solid mark too, for printers that drop faint tones.
    this.rect(this.pageWidth - MARGIN - 16, 6, 16, 7, { width: 0.5 });
    this.text(STAMP, this.pageWidth - MARGIN - 8, 11.3, { size: 12, bold: true, align: 'center' });
  }
}

/** jsPDF's virtual file system wants a binary string; convert each font buffer once. */
const binaryCache = new WeakMap<object, string>();

function binaryString(font: FontBytes): string {
  const cached = binaryCache.get(font);
  if (cached !== undefined) return cached;
  const bytes = font instanceof Uint8Array ? font : new Uint8Array(font);
  const parts: string[] = [];
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]));
  }
  const binary = parts.join('');
  binaryCache.set(font, binary);
  return binary;
}
