import { describe, expect, it } from 'vitest';
import { batchDone, outgoingKeys, requestUrlOf, versionTag } from './retired-precache';

describe('retired precache rules', () => {
  const old = [
    'https://c.test/index.html?__WB_REVISION__=1',
    'https://c.test/_app/immutable/nodes/3.aaa.js?__WB_REVISION__=a',
    'https://c.test/_app/immutable/chunks/x.bbb.js?__WB_REVISION__=b'
  ];
  const incoming = new Set([
    'https://c.test/index.html?__WB_REVISION__=2',
    'https://c.test/_app/immutable/chunks/x.bbb.js?__WB_REVISION__=b'
  ]);

  it('retires what the incoming version does not precache', () => {
    expect(outgoingKeys(old, incoming)).toEqual([old[0], old[1]]);
  });

  it('keeps retired files under the URL a page asks for', () => {
    expect(requestUrlOf(old[1]!)).toBe('https://c.test/_app/immutable/nodes/3.aaa.js');
    expect(requestUrlOf('https://c.test/a.json?v=1&__WB_REVISION__=z')).toBe('https://c.test/a.json?v=1');
  });

  it('lets a batch go only when no page open at the switch is still open', () => {
    expect(batchDone(['tab-1', 'tab-2'], ['tab-2', 'tab-3'])).toBe(false);
    expect(batchDone(['tab-1', 'tab-2'], ['tab-3'])).toBe(true);
    expect(batchDone([], ['tab-3'])).toBe(true);
  });

  it('names a version by its files, in any order', () => {
    expect(versionTag([...incoming])).toBe(versionTag([...incoming].reverse()));
    expect(versionTag([...incoming])).not.toBe(versionTag(old));
    expect(versionTag([])).toMatch(/^[0-9a-f]{8}$/);
  });
});
