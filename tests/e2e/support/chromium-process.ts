// Launch Debian's Chromium as a real process on a fixed profile, so a test can kill it (SIGKILL) and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../../playwright.config';

export interface RealBrowser {
  browser: Browser;
  process: ChildProcess;
  kill(): Promise<void>;
}

export async function launchOnProfile(profileDir: string): Promise<RealBrowser> {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      ...chromiumArgs,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      'about:blank'
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error('chromium did not start: ' + buffer)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buffer);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', () => reject(new Error('chromium exited: ' + buffer)));
  });
  const browser = await chromium.connectOverCDP(wsUrl);
  return {
    browser,
    process: child,
    kill: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      })
  };
}
