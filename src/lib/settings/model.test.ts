import { describe, expect, it } from 'vitest';
import { checkClinic, checkDeviceLabel, codeFor, defaultClinic, isRececonCode, readCodeTable } from './model';

describe('device label', () => {
  it('accepts one or two letters, any case', () => {
    expect(checkDeviceLabel('A')).toEqual({});
    expect(checkDeviceLabel('ab')).toEqual({});
  });
  it('refuses digits, empty and long labels', () => {
    expect(checkDeviceLabel('1').label?.key).toBe('settings.error.deviceLabel');
    expect(checkDeviceLabel('').label?.key).toBe('settings.error.deviceLabel');
    expect(checkDeviceLabel('ABC').label?.key).toBe('settings.error.deviceLabel');
  });
  it('refuses the letters that number blank paper forms', () => {
    for (const l of ['D', 'M', 'Q', 'S', 'u'])
      expect(checkDeviceLabel(l).label?.key).toBe('settings.error.deviceLabelReserved');
  });
});

describe('clinic', () => {
  it('needs a name; checks the institution code and phone', () => {
    expect(checkClinic(defaultClinic).name?.key).toBe('settings.error.clinicName');
    const ok = {
      ...defaultClinic,
      name: 'てびかえ内科',
      medicalInstitutionCode: '1312345678',
      phone: '03-1234-5678'
    };
    expect(checkClinic(ok)).toEqual({});
    expect(checkClinic({ ...ok, medicalInstitutionCode: '12' }).medicalInstitutionCode?.key).toBe(
      'settings.error.institutionCode'
    );
  });
});

describe('レセコン codes', () => {
  it('finds a 診療科’s and a doctor’s code by the name an arrival records', () => {
    const codes = defaultClinic.receconCodes;
    expect(codeFor(codes.departments, '内科')).toBe('');
    const entries = [
      { name: '内科', code: '01' },
      { name: '医師　一郎', code: '10001' }
    ];
    expect(codeFor(entries, '内科')).toBe('01');
    expect(codeFor(entries, ' 医師 一郎 ')).toBe('10001');
    expect(codeFor(entries, '小児科')).toBe('');
    expect(codeFor(entries, '')).toBe('');
    expect(codeFor(undefined, '内科')).toBe('');
  });
  it('reads the table typed beside each name: 全角 narrowed, blanks left out, a bad code named by its row', () => {
    const read = readCodeTable(['内科', '小児科', '皮膚科', '眼科'], {
      内科: '０１',
      小児科: '',
      皮膚科: '0-3',
      外科: '05'
    });
    expect(read.entries).toEqual([{ name: '内科', code: '01' }]);
    expect(read.bad).toEqual([2]);
    expect(readCodeTable(['内科'], undefined)).toEqual({ entries: [], bad: [] });
    expect(isRececonCode('10001')).toBe(true);
    expect(isRececonCode('12345678901')).toBe(false);
  });
});
