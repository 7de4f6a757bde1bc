import { execFileSync } from 'node:child_process';
import { launchChromium } from './chromium';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { enUS } from '../../common/i18n/en-US';
import { zhCN } from '../../common/i18n/zh-CN';
import { DEFAULT_DEMO_PASSWORD } from '../../server/config';
import { startTestServer } from '../support/server';

const root = path.resolve(import.meta.dirname, '../..');
const shots = path.join(root, 'test-results');
const demoPassword = process.env.LINLI_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

/**
 * A button's name as the browser reads it: antd puts a space between the two characters of a
 * two-character Chinese label (保 存), and an icon adds its own name in front.
 */
function label(text: string): RegExp {
  const chars = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`${chars.join('\\s*')}\\s*$`);
}

const viewports = [
  { name: 'desk', width: 1280, height: 800, phone: false },
  { name: 'phone', width: 390, height: 844, phone: true },
] as const;

describe('foundation journey in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    if (!existsSync(path.join(root, 'web/dist/index.html'))) {
      // A separate process: under vitest NODE_ENV is 'test', which would build a development
      // bundle whose ids (aria-labelledby="test-id") differ from what users get.
      execFileSync(
        process.execPath,
        [
          path.join(root, 'node_modules/vite/bin/vite.js'),
          'build',
          '--config',
          'web/vite.config.ts',
        ],
        { cwd: root, env: { ...process.env, NODE_ENV: 'production' }, stdio: 'pipe' },
      );
    }
    mkdirSync(shots, { recursive: true });
    server = await startTestServer();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // What the user sees in the window; finished animations, so a dialog is not caught half-faded.
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shots, `foundation-${name}.png`), animations: 'disabled' });

  it.each(viewports)(
    'logs in, finds 振华街道, adds a grid and switches to English at $name size',
    async (viewport) => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        isMobile: viewport.phone,
        hasTouch: viewport.phone,
      });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        // An unauthenticated visit to a page lands on the log-in and comes back after it.
        await page.goto(`${server.url}/org`);
        await page.getByLabel(zhCN.login.username).fill('admin');
        await page.getByLabel(zhCN.login.password).fill(demoPassword);
        await shot(page, `${viewport.name}-login`);
        await page.getByRole('button', { name: label(zhCN.login.submit) }).click();

        const tree = page.locator('.org-tree');
        await tree.getByText('振华街道', { exact: true }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/org');
        await shot(page, `${viewport.name}-org`);

        // Add a grid under a community: a community may only hold grids, so the kind is preset.
        const gridName = viewport.phone ? '第十网格' : '第九网格';
        await tree.getByText('御河九号社区', { exact: true }).click();
        await page.getByRole('button', { name: label(zhCN.org.addChild) }).click();
        const dialog = page.getByRole('dialog', {
          name: zhCN.org.addChildTitle.replace('{{name}}', '御河九号社区'),
        });
        await dialog.getByLabel(zhCN.org.name).fill(gridName);
        await shot(page, `${viewport.name}-add-grid`);
        await dialog.getByRole('button', { name: label(zhCN.common.save) }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText(zhCN.org.created.replace('{{name}}', gridName)).waitFor();
        if (viewport.phone) {
          // The details of the new grid open in a drawer over the tree; close it to see the tree.
          await page.locator('.ant-drawer-close').click();
          await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
        }
        const newNode = tree.getByText(gridName, { exact: true });
        await newNode.waitFor();
        await newNode.scrollIntoViewIfNeeded();
        await shot(page, `${viewport.name}-grid-added`);

        // English: on the desk the switch is in the top bar, on the phone under 我的.
        if (viewport.phone) {
          await page.getByRole('link', { name: zhCN.app.tabs.me }).click();
        }
        await page.getByText(enUS.app.languages['en-US'], { exact: true }).click();
        if (viewport.phone) {
          await page.getByRole('heading', { name: enUS.app.menu.me, exact: true }).waitFor();
          await page.getByText(enUS.app.language, { exact: true }).waitFor();
          await page.getByRole('link', { name: enUS.app.tabs.org }).click();
          await page.getByRole('heading', { name: enUS.app.menu.org, exact: true }).waitFor();
        } else {
          await page.getByRole('menuitem', { name: enUS.app.menu.staff }).waitFor();
          await page.getByText(enUS.app.modules.system, { exact: true }).first().waitFor();
        }
        await tree.getByText(enUS.orgKinds.street).first().waitFor();
        await shot(page, `${viewport.name}-english`);

        // The choice outlives a reload.
        await page.reload();
        await page.getByText(enUS.org.includeRetired).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    90_000,
  );
});
