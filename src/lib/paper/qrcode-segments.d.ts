// The part of qrcode's internals qr-bytes.ts reaches into: the segment list built from QRCode.create's array.
declare module 'qrcode/lib/core/segments.js' {
  const Segments: { fromArray(array: unknown[]): unknown[] };
  export default Segments;
}
