import { beforeEach, describe, expect, it } from 'vitest';
import { deleteDataDb, table } from '../store';
import { readHubAdmin, saveHubAdmin } from './hub-admin-config';

beforeEach(async () => {
  await deleteDataDb();
});

describe('the hub admin’s credentials', () => {
  it('are kept sealed by the vault, never in clear on disk, and can be forgotten', async () => {
    expect(await readHubAdmin()).toBeNull();
    const admin = { user: 'clinic-admin', password: '管理者の合言葉-77' };
    expect((await saveHubAdmin({ ...admin, user: ' clinic-admin ' })).ok).toBe(true);
    expect(await readHubAdmin()).toEqual(admin);
    const row = JSON.stringify(await table('settings').get('hubAdmin'));
    expect(row).not.toContain(admin.user);
    expect(row).not.toContain(admin.password);
    expect((await saveHubAdmin({ user: '', password: '' })).ok).toBe(true);
    expect(await readHubAdmin()).toBeNull();
  });
});
