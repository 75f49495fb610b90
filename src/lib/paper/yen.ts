// Yen amounts as receipts print them: '3,000' and the tamper-proof word form '金参千円也' (大字).

export function formatYen(amount: number): string {
  const n = Math.round(amount);
  return (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 大字 for 1, 2, 3 and 10, which are easy to alter by adding strokes; the rest as usual. */
const DIGITS = ['', '壱', '弐', '参', '四', '五', '六', '七', '八', '九'];
const SMALL_UNITS = ['', '拾', '百', '千'];
const LARGE_UNITS = ['', '萬', '億', '兆'];

/** 3000 → '金参千円也', 15000 → '金壱萬五千円也', 0 → '金零円也'. Negative amounts are not receipts. */
export function yenInWords(amount: number): string {
  let n = Math.round(amount);
  if (n < 0) throw new RangeError('A receipt amount cannot be negative');
  if (n === 0) return '金零円也';
  let words = '';
  for (let group = 0; n > 0; group++) {
    const four = n % 10000;
    n = Math.floor(n / 10000);
    if (four === 0) continue;
    let part = '';
    for (let place = 3; place >= 0; place--) {
      const digit = Math.floor(four / 10 ** place) % 10;
      if (digit) part += DIGITS[digit]! + SMALL_UNITS[place]!;
    }
    words = part + LARGE_UNITS[group]! + words;
  }
  return `金${words}円也`;
}
