// How a device prints the preview: the frame on desktop browsers, a new tab on iOS, Android and installed apps.
import { describe, expect, it } from 'vitest';
import { isIOS, printsInNewTab, type PrintEnvironment } from './pdf-output';

const desktop: PrintEnvironment = {
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
  platform: 'Linux x86_64',
  maxTouchPoints: 0,
  standalone: undefined,
  displayStandalone: false
};

describe('print mode', () => {
  it('prints the frame in a desktop browser', () => {
    expect(printsInNewTab(desktop)).toBe(false);
    expect(printsInNewTab({ ...desktop, platform: 'MacIntel' })).toBe(false);
  });

  it('opens a tab on an iPad (which says it is a Mac), an iPhone and Android', () => {
    const ipad = {
      ...desktop,
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15',
      platform: 'MacIntel',
      maxTouchPoints: 5
    };
    expect(isIOS(ipad)).toBe(true);
    expect(printsInNewTab(ipad)).toBe(true);
    expect(
      printsInNewTab({ ...desktop, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' })
    ).toBe(true);
    expect(
      printsInNewTab({ ...desktop, userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/140.0 Mobile' })
    ).toBe(true);
  });

  it('opens a tab in an installed app', () => {
    expect(printsInNewTab({ ...desktop, standalone: true })).toBe(true);
    expect(printsInNewTab({ ...desktop, displayStandalone: true })).toBe(true);
  });
});
