// A browser whose fake camera shows one QR code (Chromium's --use-file-for-fake-video-capture with a one-frame Y4M).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Browser, BrowserContext, BrowserType } from '@playwright/test';
import { chromiumArgs } from '../../../playwright.config';

let made = 0;

/** A one-frame Y4M video of `text` (or raw bytes, such as Shift_JIS) as a QR code, big enough for the app's scanner. */
export function qrVideo(text: string | Uint8Array): string {
  const { modules } = QRCode.create(typeof text === 'string' ? text : [{ data: text, mode: 'byte' }], {
    errorCorrectionLevel: 'M'
  });
  const [w, h] = [1280, 960];
  const cell = Math.floor(Math.min(w, h) / (modules.size + 8));
  const side = modules.size * cell;
  const [left, top] = [Math.floor((w - side) / 2), Math.floor((h - side) / 2)];
  const y = Buffer.alloc(w * h, 235);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++) {
      if (!modules.data[row * modules.size + col]) continue;
      for (let dy = 0; dy < cell; dy++)
        y.fill(
          16,
          (top + row * cell + dy) * w + left + col * cell,
          (top + row * cell + dy) * w + left + (col + 1) * cell
        );
    }
  const chroma = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const file = join(tmpdir(), `tebikae-qr-${process.pid}-${++made}.y4m`);
  writeFileSync(
    file,
    Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma])
  );
  return file;
}

/** A browser of its own whose camera shows `text` as a QR code, and a tablet context in it. */
export async function tabletWithCamera(
  chromium: BrowserType,
  text: string | Uint8Array
): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${qrVideo(text)}`
    ]
  });
  const context = await browser.newContext({
    permissions: ['camera'],
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1024, height: 768 },
    acceptDownloads: true
  });
  return { browser, context };
}
