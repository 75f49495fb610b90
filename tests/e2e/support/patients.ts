// Helpers for the roster journeys: seeded roster files as an EHR exports them, written where a file picker can find them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { GenerateOptions } from '../../../src/lib/fixtures/synthetic';
import type { Patient, RosterEncoding } from '../../../src/lib/patients/model';

type Synthetic = typeof import('../../../src/lib/fixtures/synthetic');
let synthetic: Promise<Synthetic> | null = null;

/**
 * src/lib/fixtures/synthetic.ts, bundled once per worker with Vite. Node cannot import it as it
 * stands: its CommonJS dependencies (encoding-japanese, papaparse) offer no named ESM exports,
 * which the app's bundler bridges and Node's loader does not.
 */
export function loadSynthetic(): Promise<Synthetic> {
  synthetic ??= (async () => {
    const { build } = await import('vite');
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, ssr: 'src/lib/fixtures/synthetic.ts' },
      ssr: { noExternal: true }
    });
    const bundle = Array.isArray(out) ? out[0]! : out;
    if (!('output' in bundle)) throw new Error('synthetic: unexpected build result');
    const file = join(mkdtempSync(join(tmpdir(), 'tebikae-synthetic-')), 'synthetic.mjs');
    writeFileSync(file, bundle.output[0].code);
    return (await import(file)) as Synthetic;
  })();
  return synthetic;
}

export interface RosterFile {
  path: string;
  name: string;
  patients: Patient[];
}

/**
 * How the file's bytes are written: an encoding the import reads, or one it must refuse — UTF-16
 * (Excel's 「Unicode テキスト」) or Shift_JIS bytes behind a UTF-8 BOM (a tool that added the mark
 * without converting).
 */
export type FileEncoding = RosterEncoding | 'UTF-16LE' | 'SJIS-behind-BOM';

export interface RosterFileOptions extends GenerateOptions {
  encoding?: FileEncoding;
  /** Header cells renamed (e.g. フリガナ → 読み仮名) so the guessed mapping needs a hand. */
  renameHeaders?: Record<string, string>;
  /** Raw CSV lines appended after the generated rows (bad rows, say). */
  extraLines?: string[];
  /** Open a quote (") at the start of this patient's 氏名 (1 = the first patient) and never close it. */
  openQuoteOnPatient?: number;
  name?: string;
}

/** n seeded patients as an EHR's roster export, written to the test's output folder; the patients come back for checks. */
export async function writeRosterFile(
  n: number,
  seed: number,
  options: RosterFileOptions = {}
): Promise<RosterFile> {
  const { encodeText, generatePatients, patientsToCsv } = await loadSynthetic();
  const patients = generatePatients(n, seed, options);
  const csv = patientsToCsv(patients, seed);
  const lineEnd = csv.indexOf('\r\n');
  let header = csv.slice(0, lineEnd);
  for (const [from, to] of Object.entries(options.renameHeaders ?? {})) header = header.replace(from, to);
  const extra = (options.extraLines ?? []).map((line) => `${line}\r\n`).join('');
  let body = csv.slice(lineEnd);
  if (options.openQuoteOnPatient !== undefined) {
    const lines = body.split('\r\n'); // lines[0] is what followed the header: ''
    const cells = lines[options.openQuoteOnPatient]!.split(',');
    cells[1] = `"${cells[1]}`;
    lines[options.openQuoteOnPatient] = cells.join(',');
    body = lines.join('\r\n');
  }
  const text = header + body + extra;
  const name = options.name ?? `roster-${seed}.csv`;
  const path = test.info().outputPath(`seed-${seed}`, name);
  mkdirSync(dirname(path), { recursive: true });
  const encoding = options.encoding ?? 'SJIS';
  const bytes =
    encoding === 'UTF-16LE'
      ? Buffer.from('\ufeff' + text, 'utf16le')
      : encoding === 'SJIS-behind-BOM'
        ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeText(text, 'SJIS')])
        : encodeText(text, encoding);
  writeFileSync(path, bytes);
  return { path, name, patients };
}

/** カタカナ → ひらがな, as a receptionist types a name on a tablet keyboard. */
export function toHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/**
 * Import a roster file through the /patients/ screen with the guessed mapping and the default
 * "as of" time, and wait for the result. The page must be on the app.
 */
export async function importRosterFile(page: Page, base: string, file: RosterFile): Promise<void> {
  await page.goto(base + '/patients/');
  await page.getByLabel('CSVファイル').setInputFiles(file.path);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
}
