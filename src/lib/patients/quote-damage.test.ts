import { describe, expect, it } from 'vitest';
import { importRows, parseRosterCsv } from './csv-import';
import { quoteDamageProblem, swallowedLines } from './quote-damage';
import { rosterCsv } from '../fixtures/synthetic';

/** A 1,000-patient export with a quote opened in the 氏名 cell of the given patient (1-based) and nowhere closed. */
function withOpenQuote(patient: number, closeAt?: number): string {
  const lines = rosterCsv(1000, 3).split('\r\n');
  const open = lines[patient]!.split(',');
  open[1] = `"${open[1]}`;
  lines[patient] = open.join(',');
  if (closeAt !== undefined) {
    const close = lines[closeAt]!.split(',');
    close[1] = `${close[1]}"`;
    lines[closeAt] = close.join(',');
  }
  return lines.join('\r\n');
}

describe('quote damage', () => {
  it('finds a quote left open on row 501 (the 500th patient) that swallows the 500 rows after it', () => {
    const parsed = parseRosterCsv(withOpenQuote(500));
    expect(parsed.damage).toEqual([
      { rowNumber: 501, column: 1, header: '氏名', swallowedLines: 500, unclosed: true }
    ]);
    expect(quoteDamageProblem(parsed.damage[0]!)).toEqual({
      key: 'patients.import.quote.unclosed',
      values: { row: 501, column: 2, header: '氏名', lines: '500' }
    });
    // The row it opens on is rejected with what happened, not as a patient whose name is 500 rows long.
    const result = importRows(parsed.rows, parsed.mapping, {
      firstRowNumber: parsed.firstRowNumber,
      damage: parsed.damage
    });
    expect(result.patients).toHaveLength(499);
    expect(result.rejected.map((r) => [r.rowNumber, r.reason.key])).toEqual([
      [501, 'patients.import.quote.unclosed']
    ]);
    expect(swallowedLines(parsed.damage)).toBe(500);
  });

  it('finds a quote that closes rows later (no parser error at all) and counts the rows in between', () => {
    const parsed = parseRosterCsv(withOpenQuote(500, 520));
    expect(parsed.damage).toEqual([
      { rowNumber: 501, column: 1, header: '氏名', swallowedLines: 20, unclosed: false }
    ]);
    expect(quoteDamageProblem(parsed.damage[0]!).key).toBe('patients.import.quote.runaway');
    const result = importRows(parsed.rows, parsed.mapping, {
      firstRowNumber: parsed.firstRowNumber,
      damage: parsed.damage
    });
    // 499 before, the 480 after the closing row; the broken row itself and the 20 it took are out.
    expect(result.patients).toHaveLength(979);
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([501]);
  });

  it('names a quote left open on the last row, which swallows nothing', () => {
    const parsed = parseRosterCsv('患者番号,氏名,生年月日\r\n1,山田,1980/1/2\r\n2,"佐藤,1980/1/3');
    expect(parsed.damage).toEqual([
      { rowNumber: 3, column: 1, header: '氏名', swallowedLines: 0, unclosed: true }
    ]);
    expect(quoteDamageProblem(parsed.damage[0]!).key).toBe('patients.import.quote.unclosedLast');
  });

  it('leaves sound quoting alone: commas, doubled quotes and an address over two lines', () => {
    const parsed = parseRosterCsv(
      '患者番号,氏名,生年月日,住所\r\n1,"山田, 太郎",1980/1/2,"東京都千代田区1-2\r\nコーポ ""本町"" 101"\r\n2,佐藤,1980/1/3,\r\n'
    );
    expect(parsed.damage).toEqual([]);
    expect(parsed.rows).toHaveLength(2);
  });
});
