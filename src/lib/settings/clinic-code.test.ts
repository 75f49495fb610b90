import { describe, expect, it } from 'vitest';
import { qrPicture } from '../fixtures/qr-picture';
import { scanText } from '../ui/scan-text';
import { clinicCodeText, readClinicCode, type ClinicCode } from './clinic-code';
import { defaultClinic } from './model';

const code: ClinicCode = {
  clinic: {
    ...defaultClinic,
    clinicId: '0b7d3c1e-1111-4000-8000-000000000002',
    name: 'てびかえ内科クリニック',
    address: '東京都千代田区1-2-3',
    phone: '03-1234-5678',
    medicalInstitutionCode: '1312345678',
    departments: ['内科', '小児科']
  },
  staff: Array.from({ length: 12 }, (_, i) => ({
    id: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
    name: `職員 ${i + 1}郎`,
    role: i === 0 ? ('doctor' as const) : ('reception' as const)
  }))
};

describe('the clinic settings code', () => {
  it('carries the clinic (with its id) and twelve staff through a QR code a camera reads', () => {
    const read = scanText(qrPicture(clinicCodeText(code), 4));
    expect(read).not.toBeNull();
    expect(readClinicCode(read!)).toEqual({ ok: true, value: code });
  });

  it('carries the レセコン codes; a code made before they existed reads with none', () => {
    const withCodes: ClinicCode = {
      ...code,
      clinic: {
        ...code.clinic,
        receconCodes: {
          departments: [{ name: '内科', code: '01' }],
          doctors: [{ name: '職員 1郎', code: '10001' }]
        }
      }
    };
    expect(readClinicCode(clinicCodeText(withCodes))).toEqual({ ok: true, value: withCodes });
    const old = JSON.parse(clinicCodeText(code)) as { clinic: Record<string, unknown> };
    delete old.clinic.receconCodes;
    expect(readClinicCode(JSON.stringify(old))).toEqual({ ok: true, value: code });
  });

  it('refuses another code, and a clinic without its id', () => {
    expect(readClinicCode('hello')).toEqual({ ok: false, error: { key: 'settings.link.notOurs' } });
    const noId = clinicCodeText({ ...code, clinic: { ...code.clinic, clinicId: '' } });
    expect(readClinicCode(noId)).toEqual({ ok: false, error: { key: 'settings.link.damaged' } });
  });
});
