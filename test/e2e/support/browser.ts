import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_DEMO_PASSWORD } from '../../../server/config';

const chromiumPath = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with the flags this machine needs (no sandbox as root, no background
 * networking: nothing but loopback is reachable). Fails, never skips, when it is not installed:
 * a journey that silently does not run proves nothing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `${chromiumPath} is missing: apt-get update && apt-get install -y chromium fonts-wqy-microhei`,
    );
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const root = path.resolve(import.meta.dirname, '../../..');
/** Where journeys leave their screenshots and files (ignored by git). */
export const shots = path.join(root, 'test-results');
export const demoPassword = process.env.LINLI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const DESK = { viewport: { width: 1280, height: 900 } };

/**
 * A button's name as the browser reads it: antd puts a space between the two characters of a
 * two-character Chinese label (保 存), and an icon adds its own name in front.
 */
export function label(text: string): RegExp {
  const chars = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${chars.join('\\s*')}\\s*$`);
}

/**
 * A journey's screenshots, `<journey>-<name>.png` in test-results: what the user sees in the window,
 * animations finished, so that a dialog is not caught half-faded.
 */
export function shooter(journey: string) {
  return (page: Page, name: string) =>
    page.screenshot({ path: path.join(shots, `${journey}-${name}.png`), animations: 'disabled' });
}

/**
 * The journeys run against the built web app; `npm test` builds it first, a journey run on its own
 * builds it here. A separate process: under vitest NODE_ENV is 'test', which would build a
 * development bundle whose ids (aria-labelledby="test-id") differ from what users get.
 */
export function ensureWebBuilt(): void {
  if (!existsSync(path.join(root, 'web/dist/index.html'))) {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
      { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'pipe' },
    );
  }
  mkdirSync(shots, { recursive: true });
}
