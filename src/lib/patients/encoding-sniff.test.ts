import { describe, expect, it } from 'vitest';
import { looksMixedUtf8, unreadableKind, utf8Shape } from './encoding-sniff';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('utf8Shape', () => {
  it('counts well-formed characters of every length', () => {
    expect(utf8Shape(utf8('aé山𠮷'))).toEqual({ multibyte: 3, invalid: 0 });
  });

  it('counts overlongs, surrogates, lone continuation bytes and a cut-off character as stray', () => {
    expect(utf8Shape(bytes(0xc0, 0xaf))).toEqual({ multibyte: 0, invalid: 2 }); // overlong '/'
    expect(utf8Shape(bytes(0xe0, 0x80, 0xaf))).toEqual({ multibyte: 0, invalid: 3 }); // overlong
    expect(utf8Shape(bytes(0xed, 0xa0, 0x80))).toEqual({ multibyte: 0, invalid: 3 }); // surrogate
    expect(utf8Shape(bytes(0x80, 0x41))).toEqual({ multibyte: 0, invalid: 1 });
    expect(utf8Shape(bytes(0xe5, 0xb1))).toEqual({ multibyte: 0, invalid: 2 }); // 山 cut short
  });
});

describe('unreadableKind', () => {
  it('knows UTF-16 by its BOM, either byte order, and without one by its NUL bytes', () => {
    expect(unreadableKind(bytes(0xff, 0xfe, 0x41, 0x00))).toBe('utf16');
    expect(unreadableKind(bytes(0xfe, 0xff, 0x00, 0x41))).toBe('utf16');
    expect(unreadableKind(new Uint8Array(Buffer.from('患者番号,氏名\r\n1,山田\r\n', 'utf16le')))).toBe(
      'utf16'
    );
  });

  it('passes text, empty files and a text file with one stray NUL', () => {
    expect(unreadableKind(utf8('患者番号,氏名\r\n1,山田\r\n'))).toBeNull();
    expect(unreadableKind(new Uint8Array())).toBeNull();
    expect(unreadableKind(new Uint8Array([...utf8('患者番号,氏名\r\n'.repeat(5)), 0]))).toBeNull();
  });
});

describe('looksMixedUtf8', () => {
  it('is false for valid UTF-8 and for bytes that are mostly not UTF-8', () => {
    expect(looksMixedUtf8(utf8('山田　太郎'))).toBe(false);
    expect(looksMixedUtf8(bytes(0x8e, 0x52, 0x93, 0x63))).toBe(false); // 山田 in Shift_JIS
  });

  it('is true for UTF-8 text with a few stray bytes', () => {
    expect(looksMixedUtf8(new Uint8Array([...utf8('山田　太郎,'.repeat(10)), 0x8e, 0x52]))).toBe(true);
  });
});
