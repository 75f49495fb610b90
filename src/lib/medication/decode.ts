// The bytes of an お薬手帳 QR code as text: Shift_JIS / CP932 as the JAHIS format sets, UTF-8 as some apps write it.
import Encoding from 'encoding-japanese';

/**
 * The code's bytes as text. Valid UTF-8 (which Shift_JIS text with kanji almost never is) is read as
 * UTF-8; anything else as CP932, the NEC and IBM extensions (①, ㎎, 髙) included.
 */
export function decodeNotebookBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS', type: 'string' });
  }
}
