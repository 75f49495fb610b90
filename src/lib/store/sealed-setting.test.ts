import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetKeys, unlockForTests } from './session-key';
import { openSetting, sealSetting } from './sealed-setting';
import { fromBase64 } from './record-cipher';

const Secret = v.strictObject({ password: v.string() });

afterEach(() => unlockForTests());

describe('a secret in a settings row', () => {
  it('opens only under its own row name, with the vault open, in the shape asked for', () => {
    const sealed = sealSetting('hub', { password: '合言葉-42' })!;
    expect(new TextDecoder().decode(fromBase64(sealed))).not.toContain('合言葉');
    expect(openSetting('hub', sealed, Secret)).toEqual({ password: '合言葉-42' });
    // Bound to the row: moved to another row, it does not open.
    expect(openSetting('hubAdmin', sealed, Secret)).toBeNull();
    // Another shape is refused, not cast.
    expect(openSetting('hub', sealSetting('hub', { password: 42 })!, Secret)).toBeNull();
    // One byte changed: refused.
    const bytes = fromBase64(sealed);
    bytes[bytes.length - 1]! ^= 1;
    expect(openSetting('hub', btoa(String.fromCharCode(...bytes)), Secret)).toBeNull();
  });

  it('is neither sealed nor opened while the vault is locked', () => {
    const sealed = sealSetting('hub', { password: 'p' })!;
    forgetKeys();
    expect(sealSetting('hub', { password: 'p' })).toBeNull();
    expect(openSetting('hub', sealed, Secret)).toBeNull();
  });
});
