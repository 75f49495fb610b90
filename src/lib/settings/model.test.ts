import { describe, expect, it } from 'vitest';
import { checkClinic, checkDeviceLabel, defaultClinic } from './model';

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
