import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table } from '../store';
import {
  checkHubConfig,
  clinicKeyBytes,
  newClinicKey,
  readHubConfig,
  saveHubConfig,
  type HubConfig
} from './hub-config';
import { hubEnabled } from './hub-row';

const config: HubConfig = {
  enabled: true,
  url: 'https://hub.example.jp/tebikae',
  user: 'clinic',
  password: 'とても長い合言葉-42',
  clinicKey: newClinicKey()
};

beforeEach(async () => {
  await deleteDataDb();
});

describe('hub settings', () => {
  it('make a 256-bit clinic key as 43 characters, and read it back', () => {
    const key = newClinicKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(clinicKeyBytes(key)).toHaveLength(32);
    expect(newClinicKey()).not.toBe(key);
    expect(clinicKeyBytes(key.slice(1))).toBeNull();
  });

  it('check the address, the user and the key', () => {
    expect(checkHubConfig(config)).toBeNull();
    expect(checkHubConfig({ ...config, url: 'hub' })).toBe('url');
    expect(checkHubConfig({ ...config, url: 'https://hub.example.jp/' })).toBe('url');
    expect(checkHubConfig({ ...config, user: ' ' })).toBe('user');
    expect(checkHubConfig({ ...config, clinicKey: 'abc' })).toBe('clinicKey');
  });

  it('keep the password and the clinic key sealed by the vault, never in clear on disk', async () => {
    expect(await hubEnabled()).toBe(false);
    const saved = await saveHubConfig(config);
    expect(saved.ok).toBe(true);
    expect(await readHubConfig()).toEqual(config);
    expect(await hubEnabled()).toBe(true);
    const row = JSON.stringify(await table('settings').get('hub'));
    expect(row).not.toContain(config.password);
    expect(row).not.toContain(config.clinicKey);
    expect(row).toContain(config.url);
  });
});
