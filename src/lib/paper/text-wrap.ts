// Line breaking for Japanese and mixed text: by character, by word for Latin runs, with hanging punctuation.

/** Characters that must not begin a line (行頭禁則); they hang past the right edge instead. */
const NO_LINE_START = new Set([
  ...'、。，．,.)）」』】〕〉》］｝ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々ー・：；？！?!:;'
]);

/** Opening brackets must not end a line (行末禁則); they move down with what they open. */
const NO_LINE_END = new Set([...'（「『【〔〈《［｛([']);

const isLatinWordChar = (ch: string) => /[A-Za-z0-9\-_'’.,:@/%]/.test(ch);

/**
 * Break `text` into lines no wider than `maxWidth` (except for a hanging punctuation mark).
 * `widthOf` measures one character in the caller's unit. Newlines always break.
 */
export function wrapText(text: string, maxWidth: number, widthOf: (ch: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) wrapParagraph([...paragraph], maxWidth, widthOf, lines);
  return lines;
}

function wrapParagraph(chars: string[], maxWidth: number, widthOf: (ch: string) => number, lines: string[]) {
  let line: string[] = [];
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const w = widthOf(ch);
    if (line.length === 0 && ch === ' ') continue; // no leading spaces after a break
    if (width + w <= maxWidth || line.length === 0 || NO_LINE_START.has(ch)) {
      line.push(ch);
      width += w;
      continue;
    }
    // Overflow: keep a Latin word whole by moving it to the next line when it fits there.
    let cut = line.length;
    if (isLatinWordChar(ch)) {
      let start = line.length;
      while (start > 0 && isLatinWordChar(line[start - 1]!)) start--;
      if (start > 0) cut = start;
    }
    // Never start the next line with a no-start character, nor end this one with an opening bracket.
    while (cut > 1 && cut < line.length && NO_LINE_START.has(line[cut]!)) cut--;
    while (cut > 1 && NO_LINE_END.has(line[cut - 1]!)) cut--;
    const carried = line.slice(cut);
    lines.push(line.slice(0, cut).join('').trimEnd());
    line = carried.filter((c, k) => k > 0 || c !== ' ');
    width = line.reduce((sum, c) => sum + widthOf(c), 0);
    i--; // measure `ch` again against the new line
  }
  lines.push(line.join('').trimEnd());
}
