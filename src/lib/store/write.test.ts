import { afterEach, describe, expect, it } from 'vitest';
import { openData, table, deleteDataDb } from './db';
import { write } from './write';
import { ConflictError, classify, toProblem } from './errors';

interface Row {
  key: string;
  value: unknown;
}

afterEach(async () => {
  await deleteDataDb();
});

describe('write', () => {
  it('returns the value of a successful write', async () => {
    const r = await write(() => table<Row>('settings').put({ key: 'a', value: 1 }));
    expect(r).toEqual({ ok: true, value: 'a' });
  });

  it('reopens a connection the browser dropped and retries the write once', async () => {
    await table<Row>('settings').put({ key: 'warm', value: 0 });
    openData().close({ disableAutoOpen: true });
    const r = await write(() => table<Row>('settings').put({ key: 'b', value: 2 }));
    expect(r.ok).toBe(true);
    expect(await table<Row>('settings').get('b')).toEqual({ key: 'b', value: 2 });
  });

  it('turns a conflict into the conflict message without touching the store', async () => {
    const r = await write(async () => {
      throw new ConflictError('x');
    });
    expect(r).toEqual({ ok: false, error: { key: 'store.error.conflict' } });
  });

  it('never swallows an unknown failure', async () => {
    const r = await write(async () => {
      throw new TypeError('boom');
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ key: 'store.error.unknown', values: { detail: 'TypeError' } });
  });
});

describe('classify', () => {
  it('recognises the browser errors we explain', () => {
    expect(classify(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(classify({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe('quota');
    expect(classify({ name: 'DatabaseClosedError' })).toBe('closed');
    expect(classify({ name: 'MissingAPIError' })).toBe('privateMode');
    expect(classify({ name: 'VersionError' })).toBe('versionChange');
    expect(toProblem({ name: 'QuotaExceededError' })).toEqual({ key: 'store.error.quota' });
  });
});
