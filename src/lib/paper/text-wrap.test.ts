import { describe, expect, it } from 'vitest';
import { wrapText } from './text-wrap';

/** Full-width characters 2 units, everything else 1. */
const width = (ch: string) => (ch.charCodeAt(0) > 0xff ? 2 : 1);

describe('wrapText', () => {
  it('breaks Japanese between any two characters', () => {
    expect(wrapText('あいうえおかきくけこ', 10, width)).toEqual(['あいうえお', 'かきくけこ']);
  });

  it('keeps Latin words whole when they fit on the next line', () => {
    expect(wrapText('take CBC and CRP today', 10, width)).toEqual(['take CBC', 'and CRP', 'today']);
  });

  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghijkl', 5, width)).toEqual(['abcde', 'fghij', 'kl']);
  });

  it('hangs closing punctuation instead of starting a line with it', () => {
    expect(wrapText('あいうえお。かきく', 10, width)).toEqual(['あいうえお。', 'かきく']);
  });

  it('does not end a line with an opening bracket', () => {
    expect(wrapText('あいうえ（かき）', 10, width)).toEqual(['あいうえ', '（かき）']);
  });

  it('honours newlines and keeps empty lines', () => {
    expect(wrapText('あ\n\nい', 10, width)).toEqual(['あ', '', 'い']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10, width)).toEqual(['']);
  });
});
