import { describe, expect, it } from 'vitest';
import {
  dispensingCount,
  doseParts,
  elderlyOn,
  formCode,
  preschoolOn,
  printedDose,
  rxDose,
  timesPerDay
} from './rx-fields';

describe('the sheet text read into JAHIS fields', () => {
  it('splits only a plain `<number><unit>` dose into 用量 and 単位名 (表 3-39)', () => {
    expect(doseParts('３錠')).toEqual({ amount: '3', unit: '錠' });
    expect(doseParts('0.5 g')).toEqual({ amount: '0.5', unit: 'g' });
    expect(doseParts('02.50mL')).toEqual({ amount: '2.5', unit: 'mL' });
    expect(doseParts('1.0錠')).toEqual({ amount: '1', unit: '錠' });
    // Anything else would give the pharmacy a wrong amount or unit: no parts.
    for (const dose of [
      '適量',
      '1日2回 1回1錠',
      '1回1錠',
      '1/2錠',
      '3錠(分3)',
      '',
      '1234567錠',
      '1カプセルずつ飲む'
    ])
      expect(doseParts(dose)).toBeNull();
  });

  it('writes the 1日量 for 内服 (表 3-39): a plain amount is one, a 1回量 is multiplied by the times a day', () => {
    const line = (dose: string, usage: string, days = '7') => ({ dose, usage, days });
    // A plain amount on an 内服 line is its 1日量, as on a paper 処方箋 ('3錠 分3 毎食後'); said on the memo.
    expect(rxDose(line('3錠', '1日3回 毎食後'))).toEqual({
      ok: true,
      amount: '3',
      unit: '錠',
      perDay: '3錠'
    });
    expect(rxDose(line('1日3錠', '分3 毎食後'))).toMatchObject({ amount: '3', perDay: '3錠' });
    // '1回1錠' with 1日3回: the pharmacy's system must get 3錠 a day, not 1 (it multiplies by the days).
    expect(rxDose(line('1回1錠', '1日3回 毎食後'))).toEqual({
      ok: true,
      amount: '3',
      unit: '錠',
      perDay: '3錠',
      perDose: true
    });
    expect(rxDose(line('１回０．５錠', '分２ 朝夕食後'))).toMatchObject({ amount: '1', perDay: '1錠' });
    expect(rxDose(line('1回0.1g', '1日3回'))).toMatchObject({ amount: '0.3' });
    expect(rxDose(line('1回1錠', '1日1回 就寝時', '14'))).toMatchObject({ amount: '1', perDose: true });
    // No times a day to multiply by: refused, never guessed.
    expect(rxDose(line('1回1錠', '毎食後'))).toEqual({ ok: false, reason: 'times' });
    // 頓服 (by its words, or a count in times) and a line without days: the amount as written.
    expect(rxDose(line('1回1錠', '頭痛時', '5回'))).toEqual({ ok: true, amount: '1', unit: '錠' });
    expect(rxDose(line('1回1錠', '疼痛時 1日3回まで', '5'))).toEqual({ ok: true, amount: '1', unit: '錠' });
    expect(rxDose(line('1回1錠', '発熱時（38.5℃以上）', '5'))).toMatchObject({ amount: '1' });
    expect(rxDose(line('1回1錠', '頭痛時に 1日2回まで', '5'))).toMatchObject({ amount: '1' });
    expect(rxDose(line('1回1錠', '1日3回', '10回'))).toMatchObject({ amount: '1' });
    expect(rxDose(line('25g', '1日2回 患部に塗布', ''))).toEqual({ ok: true, amount: '25', unit: 'g' });
    // With no days or times the 用量 is the whole amount (調剤数量 1): a 1回量 there would give one dose in all.
    expect(rxDose(line('1回1錠', '1日3回 毎食後', ''))).toEqual({ ok: false, reason: 'days' });
    // A 1日量 written for a 頓服 says nothing a pharmacy can use per time: refused.
    expect(rxDose(line('1日3錠', '疼痛時', '5回'))).toEqual({ ok: false, reason: 'form' });
    expect(rxDose(line('1日2回 1回1錠', '朝夕食後'))).toEqual({ ok: false, reason: 'form' });
    expect(timesPerDay('1日 4回 毎食後・寝る前')).toBe(4);
    expect(timesPerDay('分3')).toBe(3);
    expect(timesPerDay('寝る前')).toBeNull();
    expect(timesPerDay('運動の30分 2時間前')).toBeNull();
    // The sheet prints the dose as typed, with the 1日量 beside a 1回量.
    expect(printedDose(line('1回1錠', '1日3回 毎食後'))).toBe('1回1錠（1日3錠）');
    expect(printedDose(line('3錠', '1日3回 毎食後'))).toBe('3錠');
  });

  it('tells 頓服 from a daily 内服 by the usage’s words and the count in times', () => {
    const line = (usage: string, days = '7') => ({ usage, days });
    for (const usage of [
      '疼痛時',
      '頭痛時に',
      '発熱時（38.5℃以上）',
      '疼痛時 1日3回まで',
      '頓用',
      '不眠時 頓服'
    ])
      expect(formCode(line(usage)), usage).toBe('2');
    expect(formCode(line('1日3回 毎食後', '10回'))).toBe('2');
    for (const usage of ['1日1回 就寝時', '1日1回 起床時', '1日3回 毎食後', '分2 朝夕食後'])
      expect(formCode(line(usage)), usage).toBe('1');
    expect(formCode(line('1日2回 患部に塗布', ''))).toBe('9');
  });

  it('reads 調剤数量 from the days or times, 1 when none is written', () => {
    expect(dispensingCount('14')).toBe('14');
    expect(dispensingCount('１４日分')).toBe('14');
    expect(dispensingCount('5回')).toBe('5');
    expect(dispensingCount('')).toBe('1');
    expect(dispensingCount('2週間')).toBeNull();
    expect(dispensingCount('0')).toBeNull();
    expect(dispensingCount('1000')).toBeNull();
  });

  it('tells a child before school (表 3-16 ６歳未満) from the birth date', () => {
    expect(preschoolOn('2020-04-02', '2027-03-31')).toBe(true);
    expect(preschoolOn('2020-04-02', '2027-04-01')).toBe(false);
    expect(preschoolOn('2020-04-01', '2026-03-31')).toBe(true);
    expect(preschoolOn('2020-04-01', '2026-04-01')).toBe(false);
    expect(preschoolOn('', '2026-04-01')).toBe(false);
  });

  it('tells a 高齢受給者 from the birth date: from the month after reaching 70 (born on the 1st: that month)', () => {
    expect(elderlyOn('1956-05-17', '2026-05-31')).toBe(false);
    expect(elderlyOn('1956-05-17', '2026-06-01')).toBe(true);
    expect(elderlyOn('1956-05-01', '2026-04-30')).toBe(false);
    expect(elderlyOn('1956-05-01', '2026-05-01')).toBe(true);
    expect(elderlyOn('', '2026-05-01')).toBe(false);
  });
});
