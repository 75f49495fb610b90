// Renders the app icons (192, 512, maskable 512) with headless Chromium from a tiny HTML page; run by hand, output committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'icons-'));
function render(name, size, padding) {
  const html = `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;background:#1f5f8b;display:flex;align-items:center;justify-content:center">
<div style="font-family:'IPAGothic','IPAexGothic',sans-serif;color:#fff;font-size:${Math.round((size - 2 * padding) * 0.62)}px;line-height:1;font-weight:bold">手</div></body></html>`;
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  execFileSync(
    '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--window-size=${size},${size}`,
      `--screenshot=static/icons/${name}.png`,
      `file://${file}`
    ],
    { stdio: 'ignore' }
  );
}
render('icon-192', 192, 16);
render('icon-512', 512, 40);
render('maskable-512', 512, 110);
console.log('icons written to static/icons/');
