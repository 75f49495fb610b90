// Launch Debian's Chromium as a real process on a fixed profile, so a test can kill it (SIGKILL), start it again and read its files.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../../playwright.config';

export interface RealBrowser {
  browser: Browser;
  process: ChildProcess;
  kill(): Promise<void>;
  /** Close as a user quitting does (the browser writes its session files on the way out). */
  close(): Promise<void>;
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
    // Its own process group, so a kill takes every process of the browser at once (see kill below).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true }
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
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    browser,
    process: child,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.close').catch(() => undefined);
      await exited;
    },
    // A power cut: SIGKILL to the whole process group (browser, renderers, the storage and network
    // services), then wait until none is left. Killing the browser process alone left its helpers
    // writing the profile for a moment, while the next browser opened the same files: two writers on
    // one IndexedDB, which Chromium may then find damaged and delete. Safe to call again.
    kill: async () => {
      const pid = child.pid;
      if (pid === undefined) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
      await exited;
      for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    }
  };
}

/** Whether any process of the group is still running (signal 0 checks without sending anything). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every file under a folder, however deep (a browser profile). */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * Which of the texts any file of a profile holds, as raw bytes in UTF-8 or UTF-16LE (Chromium keeps
 * page state in UTF-16): "file: encoding: text" for each hit.
 */
export function findInProfile(profileDir: string, texts: string[]): string[] {
  const hits: string[] = [];
  for (const file of filesUnder(profileDir)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // Gone between listing and reading (a temporary file of the running browser).
    }
    for (const text of texts)
      for (const encoding of ['utf8', 'utf16le'] as const)
        if (bytes.includes(Buffer.from(text, encoding)))
          hits.push(`${relative(profileDir, file)}: ${encoding}: ${text}`);
  }
  return hits;
}

/**
 * Mark a killed browser's profile as having exited normally. After a crash Chromium keeps the last session
 * for a "restore pages?" offer and leaves it alone until the offer is answered, so a restarted browser writes
 * no session state on its timer; a test that waits for the restarted browser's session files needs it
 * writing them again. Nothing else of the profile is touched.
 */
export function markCleanExit(profileDir: string): void {
  const file = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as { profile?: Record<string, unknown> };
  prefs.profile = { ...prefs.profile, exit_type: 'Normal', exited_cleanly: true };
  writeFileSync(file, JSON.stringify(prefs));
}
