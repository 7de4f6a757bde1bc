import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { zhCN } from '../../../common/i18n/zh-CN';
import { startTestServer } from '../../support/server';
import { demoPassword, DESK, ensureWebBuilt, label, launchChromium } from './browser';

/**
 * The demo server and Chromium of one journey file: started before its tests, closed after. Read
 * `url` and `browser` inside the tests, or in a later beforeAll that sets up what the journey needs.
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

/** Fills in the log-in page the browser shows and sends it. */
export async function logInHere(page: Page, username: string, password = demoPassword) {
  await page.getByLabel(zhCN.login.username).fill(username);
  await page.getByLabel(zhCN.login.password).fill(password);
  await page.getByRole('button', { name: label(zhCN.login.submit) }).click();
}

interface SignInOptions {
  /** the window: DESK (default), PHONE, or either with more, e.g. acceptDownloads */
  size?: BrowserContextOptions;
  /** where to go; the log-in page comes first and sends the user on (default /today) */
  path?: string;
  /** for a user the journey made itself */
  password?: string;
  /** how long to wait for what the user should see (default 15 s) */
  timeout?: number;
}

/**
 * A new window at the given size, logged in through the log-in page, on `path`. `errors` gathers the
 * page's script errors; a journey expects it empty at the end.
 */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  opts: SignInOptions = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(opts.size ?? DESK);
  context.setDefaultTimeout(opts.timeout ?? 15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const to = opts.path ?? '/today';
  await page.goto(`${url}${to}`);
  await logInHere(page, username, opts.password);
  await page.waitForURL((u) => u.pathname === to);
  return { page, errors };
}
