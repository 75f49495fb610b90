// QR codes of raw bytes (a CP932 text for a pharmacy's scanner), joined into a set by structured append
// (連結, JIS X 0510) when the data needs more than one symbol; drawn by qr.ts's drawQrMatrix.
import QRCode from 'qrcode';
import Segments from 'qrcode/lib/core/segments.js';

/** One symbol of a set: 0-based position, how many in all, and the XOR of every byte of the whole data. */
export interface AppendHeader {
  index: number;
  total: number;
  parity: number;
}

interface AppendMarker {
  structuredAppend: AppendHeader;
}

const isMarker = (seg: unknown): seg is AppendMarker =>
  typeof seg === 'object' && seg !== null && 'structuredAppend' in seg;

/**
 * The structured-append header as a segment qrcode can write: mode 0011, then 4 bits of position, 4 of
 * count − 1 and 8 of parity. It has no character count (ccBits 0), so the writer adds nothing between.
 */
function appendSegment({ index, total, parity }: AppendHeader) {
  return {
    mode: { id: 'StructuredAppend', bit: 0b0011, ccBits: [0, 0, 0] },
    getLength: () => 0,
    getBitsLength: () => 16,
    write(buffer: { put(num: number, length: number): void }) {
      buffer.put(index, 4);
      buffer.put(total - 1, 4);
      buffer.put(parity, 8);
    }
  };
}

// qrcode (1.5) has no structured append, and builds its segments from QRCode.create's array with
// Segments.fromArray: taught once here to turn a marker into the header segment, everything else as before.
let taught = false;
function teachStructuredAppend(): void {
  if (taught) return;
  taught = true;
  const original = Segments.fromArray.bind(Segments);
  Segments.fromArray = (array: unknown[]) =>
    array.flatMap((seg) => (isMarker(seg) ? [appendSegment(seg.structuredAppend)] : original([seg])));
}

/** The module matrix of one symbol holding `bytes` in byte mode, level M; with `append`, part of a set. */
export function qrMatrixOfBytes(
  bytes: Uint8Array,
  append?: AppendHeader
): { size: number; dark: Uint8Array } {
  teachStructuredAppend();
  const data = { data: bytes, mode: 'byte' as const };
  const segments = append && append.total > 1 ? [{ structuredAppend: append }, data] : [data];
  const { modules } = QRCode.create(segments as unknown as QRCode.QRCodeSegment[], {
    errorCorrectionLevel: 'M'
  });
  return { size: modules.size, dark: modules.data };
}
