// The UI language: the last choice wins, even when an earlier one was still loading English.
import { describe, expect, it } from 'vitest';
import { locale } from './locale.svelte';

describe('locale', () => {
  it('keeps the last choice when English arrives after 日本語 was chosen', async () => {
    const english = locale.set('en');
    const japanese = locale.set('ja');
    await Promise.all([english, japanese]);
    expect(locale.current).toBe('ja');
    await locale.set('en');
    expect(locale.current).toBe('en');
    await locale.set('ja');
  });
});
