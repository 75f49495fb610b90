import { describe, expect, it } from 'vitest';
import { qrPicture } from '../fixtures/qr-picture';
import { scanText } from '../ui/scan-text';
import { joinCodeText, readJoinCode, type JoinCode } from './join-code';

const code: JoinCode = {
  clinic: { clinicId: 'c-1', medicalInstitutionCode: '1312345678', name: '髙橋内科クリニック' },
  session: {
    id: '6f1c2a4e-0000-4000-8000-000000000001',
    kind: 'real',
    reason: '電子カルテにログインできない',
    startedAt: '2025-11-15T03:15:00.000Z',
    recoveredAt: null,
    declaredBy: '受付 花子',
    deviceLabel: 'A',
    createdAt: '2025-11-15T03:16:00.000Z',
    clinicId: 'c-1',
    deviceId: 'dev-a'
  }
};

describe('the join code', () => {
  it('carries the outage and the clinic through a QR code a camera reads (Japanese text included)', () => {
    const read = scanText(qrPicture(joinCodeText(code)));
    expect(read).not.toBeNull();
    expect(readJoinCode(read!)).toEqual({ ok: true, value: code });
  });

  it('holds no patient data: only the session row and the clinic', () => {
    expect(Object.keys(JSON.parse(joinCodeText(code)))).toEqual(['t', 'v', 'clinic', 'session']);
  });

  it('tells another QR code, a damaged one and a settings code apart', () => {
    expect(readJoinCode('U-0003')).toEqual({ ok: false, error: { key: 'outage.join.notOurs' } });
    expect(readJoinCode('{"t":"tebikae-clinic","v":1}')).toEqual({
      ok: false,
      error: { key: 'outage.join.notOurs' }
    });
    const broken = JSON.parse(joinCodeText(code)) as { session: { startedAt: string } };
    broken.session.startedAt = 'yesterday';
    expect(readJoinCode(JSON.stringify(broken))).toEqual({
      ok: false,
      error: { key: 'outage.join.damaged' }
    });
  });
});
