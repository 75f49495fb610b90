// Key–value settings rows (clinic, staff, device, presets) kept with the data they describe.
import { table } from './db';
import { write } from './write';
import type { Result } from '../result';

interface SettingRow {
  key: string;
  value: unknown;
}

const rows = () => table<SettingRow>('settings');

export const settings = {
  async get<T>(key: string, fallback: T): Promise<T> {
    const row = await rows().get(key);
    return row === undefined ? fallback : (row.value as T);
  },
  put<T>(key: string, value: T): Promise<Result<string>> {
    return write(() => rows().put({ key, value }));
  }
};
