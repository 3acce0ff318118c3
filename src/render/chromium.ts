// Finding and launching a headless Chromium with WebGL2, on machines with or without a GPU.
// Order: KINO_CHROMIUM, a system Chromium/Chrome on PATH, then @sparticuz/chromium from npm
// (a Chromium with SwiftShader inside the package: `npm install` is the whole set-up).
// Measured here: launch ≈ 1.2 s, WebGL2 on "ANGLE (Vulkan 1.3.0 SwiftShader)".

import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { KinoError, issue } from '../doc/errors';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Flags for GPU-less hosts (SwiftShader WebGL) and closed networks (no background fetches). */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  '--hide-scrollbars',
  // Rendering must not be throttled when the page is not "visible".
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

function onPath(names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const n of names) {
      const p = path.join(dir, n);
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return p;
      } catch {
        /* next */
      }
    }
  }
  return undefined;
}

export interface ChromiumInfo {
  executable: string;
  source: 'KINO_CHROMIUM' | 'system' | '@sparticuz/chromium';
}

let found: ChromiumInfo | undefined;

export async function findChromium(): Promise<ChromiumInfo> {
  if (found) return found;
  const env = process.env.KINO_CHROMIUM;
  if (env) {
    if (!fs.existsSync(env)) throw new KinoError(issue('chromium/not-found', `KINO_CHROMIUM points to ${env}, which does not exist.`, { hint: 'Unset it to use the Chromium kino installs from npm, or point it at a Chromium/Chrome binary.' }));
    return (found = { executable: env, source: 'KINO_CHROMIUM' });
  }
  const sys = onPath(SYSTEM_NAMES);
  if (sys) return (found = { executable: sys, source: 'system' });
  try {
    const mod = (await import('@sparticuz/chromium')) as unknown as { default: { executablePath(): Promise<string> } };
    const exe = await mod.default.executablePath();
    return (found = { executable: exe, source: '@sparticuz/chromium' });
  } catch (e) {
    throw new KinoError(
      issue('chromium/not-found', `No Chromium found: ${(e as Error).message}`, {
        hint: 'Run npm install (kino ships @sparticuz/chromium), install Debian\'s chromium (apt-get install chromium), or set KINO_CHROMIUM.',
      }),
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  const info = await findChromium();
  try {
    return await chromium.launch({ executablePath: info.executable, args: CHROMIUM_FLAGS, headless: true, timeout: 60_000 });
  } catch (e) {
    const msg = (e as Error).message.split('\n').slice(0, 4).join(' ');
    throw new KinoError(issue('chromium/launch', `Chromium (${info.source}: ${info.executable}) failed to start: ${msg}`, { hint: 'Set KINO_CHROMIUM to a working Chromium, or reinstall with npm ci.' }));
  }
}
