// Node-only helpers for the paper tests: write a PDF to a temp dir, extract its text with pdftotext, check it with qpdf.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tebikae-paper-'));

export function writePdf(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text poppler reads from the file, laid out as on the page. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The text of each page (pdftotext separates pages with a form feed). */
export function pdfPages(file: string): string[] {
  return pdfText(file).split('\f').slice(0, -1);
}

/** Names of the fonts the PDF uses, as pdffonts lists them. */
export function pdfFonts(file: string): string[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((line) => line.split(/\s+/)[0] ?? '');
}

/** qpdf --check: exit 0 when the file is sound (3 means warnings only). */
export function qpdfCheck(file: string): { status: number | null; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Renders a page as RGBA pixels (from pdftoppm's PPM), the shape jsQR and scanSerial read. */
export function renderPixels(
  file: string,
  page = 1,
  dpi = 150
): { data: Uint8ClampedArray; width: number; height: number } {
  const ppm = execFileSync(
    'pdftoppm',
    ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file],
    {
      maxBuffer: 64 * 1024 * 1024
    }
  );
  // P6 header: magic, width, height, max value, each followed by whitespace.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not return a PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const rgb = ppm.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += 3) {
    data[i * 4] = rgb[j]!;
    data[i * 4 + 1] = rgb[j + 1]!;
    data[i * 4 + 2] = rgb[j + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { data, width, height };
}

/** Cuts a region given in mm out of a page rendered at `dpi`, as a camera framing one QR code would see it. */
export function cropMm(
  image: { data: Uint8ClampedArray; width: number; height: number },
  dpi: number,
  region: { x: number; y: number; w: number; h: number }
): { data: Uint8ClampedArray; width: number; height: number } {
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const [x0, y0, width, height] = [px(region.x), px(region.y), px(region.w), px(region.h)];
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * image.width + x0) * 4;
    data.set(image.data.subarray(from, from + width * 4), y * width * 4);
  }
  return { data, width, height };
}

/** Each word pdftotext finds on page 1, with its box in points (pdftotext -bbox). */
export function pdfWords(file: string): { text: string; xMin: number; xMax: number; yMin: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  return [
    ...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)
  ].map((m) => ({ text: m[4]!, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]) }));
}

/** Renders page `page` to a PNG next to the PDF (for looking at layouts by eye). */
export function renderPng(file: string, page = 1, dpi = 60): string {
  const prefix = file.replace(/\.pdf$/, `-p${page}`);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix
  ]);
  return `${prefix}.png`;
}
