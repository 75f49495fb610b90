// Ruled tables that continue across pages, repeating their header row on each new page.
import { CONTENT_WIDTH, MARGIN, type Paper, type TextStyle } from './engine';

export interface Column {
  header: string;
  /** Relative width; the columns are scaled to fill the table's width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  x?: number;
  width?: number;
  size?: number;
  /** Rows are at least this tall, mm (room to write by hand in blank tables). */
  minRowHeight?: number;
  /** Row heading styles: e.g. a bold totals row. */
  rowStyle?: (row: number) => TextStyle | undefined;
}

const PAD = 1.2;

/** Draws the table at the flow cursor and leaves the cursor below it. */
export function table(
  doc: Paper,
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {}
): void {
  const x = options.x ?? MARGIN;
  const total = options.width ?? CONTENT_WIDTH - (x - MARGIN);
  const size = options.size ?? 9;
  const weight = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / weight) * total);
  const lineHeight = doc.lineHeight({ size, leading: 1.3 });
  const minRow = options.minRowHeight ?? 0;

  const header = () => {
    const cells = columns.map((c, i) => doc.wrap(c.header, widths[i]! - 2 * PAD, size));
    const h = Math.max(...cells.map((l) => l.length)) * lineHeight + 2 * PAD;
    drawRow(cells, h, { size, bold: true, leading: 1.3 }, 225, true);
  };

  const drawRow = (
    cells: string[][],
    h: number,
    style: TextStyle,
    fill: number | undefined,
    centred: boolean
  ) => {
    let cx = x;
    cells.forEach((lines, i) => {
      const w = widths[i]!;
      doc.rect(cx, doc.y, w, h, fill === undefined ? { width: 0.2 } : { width: 0.2, fill, stroke: true });
      const align = centred ? 'center' : (columns[i]!.align ?? 'left');
      const edge = align === 'center' ? cx + w / 2 : align === 'right' ? cx + w - PAD : cx + PAD;
      lines.forEach((line, k) => {
        // Lines are already printable (wrap() checked them), so draw them as they are.
        doc.text(line, edge, doc.y + PAD + k * lineHeight + doc.baseline(style), { ...style, align });
      });
      cx += w;
    });
    doc.y += h;
  };

  const rowHeights = rows.map((row) => row.map((cell, i) => doc.wrap(cell, widths[i]! - 2 * PAD, size)));
  const heightOf = (cells: string[][]) =>
    Math.max(minRow, Math.max(1, ...cells.map((l) => l.length)) * lineHeight + 2 * PAD);

  // Keep the header with at least the first row.
  const first = rowHeights[0];
  doc.ensure(lineHeight + 2 * PAD + (first ? heightOf(first) : 0));
  header();
  rowHeights.forEach((cells, r) => {
    const h = heightOf(cells);
    if (doc.ensure(h)) header();
    drawRow(cells, h, { size, leading: 1.3, ...options.rowStyle?.(r) }, undefined, false);
  });
}
