import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import type { AttachedNotebook } from '../medication/attached';
import { emptyContent, type MemoContent } from './model';
import { diffContent } from './revisions';
import { MemoContentSchema } from './schema';

const book: AttachedNotebook = {
  id: 'n1',
  text: 'JAHISTC08,1\r\n1,髙橋 花子,2,S330303\r\n5,R070401,1\r\n201,1,アムロジピン錠５㎎,1,錠,2,620008284,1',
  source: 'camera',
  attachedAt: '2026-12-06T01:00:00.000Z',
  confirmedOther: false
};
const content = (c: Partial<MemoContent> = {}): MemoContent => ({ ...structuredClone(emptyContent), ...c });

describe('お薬手帳 in the memo content', () => {
  it('is accepted by the stored shape (bundles), and a memo written before it existed still is', () => {
    expect(v.safeParse(MemoContentSchema, content({ notebooks: [book] })).success).toBe(true);
    expect(v.safeParse(MemoContentSchema, content()).success).toBe(true);
  });

  it('refuses an attachment with an unknown source or a field it does not know', () => {
    const odd = { ...book, source: 'fax' } as unknown as AttachedNotebook;
    expect(v.safeParse(MemoContentSchema, content({ notebooks: [odd] })).success).toBe(false);
    const extra = { ...book, note: 'x' } as unknown as AttachedNotebook;
    expect(v.safeParse(MemoContentSchema, content({ notebooks: [extra] })).success).toBe(false);
  });

  it('is in the memo history when one is attached or removed', () => {
    const [change] = diffContent(content(), content({ notebooks: [book] }));
    expect(change).toEqual({
      field: 'notebooks',
      before: '',
      after: 'JAHISTC08,1 camera 2026-12-06T01:00:00.000Z'
    });
    expect(diffContent(content({ notebooks: [book] }), content({ notebooks: [] }))).toHaveLength(1);
    expect(diffContent(content(), content({ notebooks: [] }))).toEqual([]);
  });
});
