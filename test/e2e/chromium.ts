import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { DEFAULT_DEMO_PASSWORD } from '../../server/config';
import { startTestServer } from '../support/server';

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

export const root = path.resolve(import.meta.dirname, '../..');
/** Where journeys leave their screenshots (ignored by git). */
export const shots = path.join(root, 'test-results');
export const demoPassword = process.env.LINLI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

/**
 * A button's name as the browser reads it: antd puts a space between the two characters of a
 * two-character Chinese label (保 存), and an icon adds its own name in front.
 */
export function label(text: string): RegExp {
  const chars = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${chars.join('\\s*')}\\s*$`);
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

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const DESK = { viewport: { width: 1280, height: 900 } };

/**
 * The demo server and Chromium of one journey file: started before its tests, closed after. Read
 * `url` and `browser` inside the tests, once beforeAll has run.
 */
export function journey(): { readonly url: string; readonly browser: Browser } {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}

/**
 * A new page at the given size, logged in as a demo user through the log-in page, on `path` (the
 * log-in page sends the user on to where they were going). `errors` gathers the page's script errors.
 */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  opts: { size?: BrowserContextOptions; path?: string } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(opts.size ?? DESK);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const to = opts.path ?? '/today';
  await page.goto(`${url}${to}`);
  await page.getByLabel(zhCN.login.username).fill(username);
  await page.getByLabel(zhCN.login.password).fill(demoPassword);
  await page.getByRole('button', { name: label(zhCN.login.submit) }).click();
  await page.waitForURL((u) => u.pathname === to);
  return { page, errors };
}
