import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './datetime';
import { fileName } from './file-name';

describe('fileName', () => {
  it('puts the date first, then the kind and serial', () => {
    expect(fileName('depositSlip', '2025-11-15', 'A-0003')).toBe('2025-11-15_預り証_A-0003.pdf');
    expect(fileName('dayLog', '2025-11-15T18:30')).toBe('2025-11-15_受付記録.pdf');
  });

  it('marks drills and drops characters file systems refuse', () => {
    expect(fileName('visitMemos', '2025-11-15', 'M-0001/M-0020', true)).toBe(
      '2025-11-15_訓練_診療メモ_M-0001M-0020.pdf'
    );
  });
});

describe('printed dates', () => {
  it('formats local wall-clock strings the Japanese way', () => {
    expect(formatDate('2025-01-05')).toBe('2025年1月5日');
    expect(formatTime('2025-01-05T09:07:30')).toBe('09:07');
    expect(formatDateTime('2025-01-05T09:07')).toBe('2025年1月5日 09:07');
    expect(formatDateTime('2025-01-05')).toBe('2025年1月5日');
    expect(formatDate('不明')).toBe('不明');
  });
});
