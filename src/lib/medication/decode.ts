// The bytes of an お薬手帳 QR code (Shift_JIS / CP932, as the JAHIS format sets) as text.
import Encoding from 'encoding-japanese';

/** CP932 bytes as text: the NEC and IBM extensions (①, ㎎, 髙) included. Plain ASCII passes unchanged. */
export function decodeNotebookBytes(bytes: Uint8Array): string {
  return Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS', type: 'string' });
}
