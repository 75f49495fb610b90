import { describe, expect, it } from 'vitest';
import { registerMessages, translate } from './translate';
import { ja } from './messages/all';
import { en } from './messages/en/index';

describe('translate', () => {
  it('interpolates values and leaves unknown placeholders alone', () => {
    expect(translate('ja', 'outage.elapsed', { h: 1, m: 5 })).toBe('経過 1時間5分');
    expect(translate('ja', 'common.yen', {})).toBe('{amount}円');
  });
  it('falls back to Japanese until English is loaded, then uses it', () => {
    expect(translate('en', 'nav.home')).toBe('ホーム');
    registerMessages('en', en);
    expect(translate('en', 'nav.home')).toBe('Home');
  });
  it('English defines every key Japanese does, and none is empty', () => {
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) expect(en[key], key).toBeTruthy();
  });
});
