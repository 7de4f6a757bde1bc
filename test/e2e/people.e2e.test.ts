import { demoPassword, ensureWebBuilt, label, launchChromium, shots } from './chromium';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { zhCN } from '../../common/i18n/zh-CN';
import { maskPhone } from '../../common/people';
import { startTestServer } from '../support/server';

const p = zhCN.people;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

const viewports = [
  { name: 'desk', width: 1280, height: 800, phone: false, newPhone: '13512345601' },
  { name: 'phone', width: 390, height: 844, phone: true, newPhone: '13512345602' },
] as const;

/**
 * The journey is walked by a second social worker of 振华 station, created here through the API: a
 * worker who is not 王鹏's own (no case ties them) sees his phone masked and must give a reason to
 * open it, whatever cases the demo data gives social.zhenhua.
 */
const colleague = {
  username: 'social2.zhenhua',
  displayName: '钱多多',
  password: 'Linli#Colleague2026',
};

async function addColleague(url: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: demoPassword }),
  });
  if (!login.ok) throw new Error(`admin log-in failed: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  type Node = { id: string; name: string; children: Node[] };
  const { tree } = (await (await fetch(`${url}/api/org/tree`, { headers: { cookie } })).json()) as {
    tree: Node[];
  };
  const find = (nodes: Node[]): Node | undefined =>
    nodes.find((n) => n.name === '振华街道社工站') ?? find(nodes.flatMap((n) => n.children));
  const station = find(tree);
  if (!station) throw new Error('振华街道社工站 is not in the demo tree');
  const created = await fetch(`${url}/api/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      username: colleague.username,
      displayName: colleague.displayName,
      password: colleague.password,
      roles: [{ role: 'socialWorker', orgUnitId: station.id }],
    }),
  });
  if (created.status !== 201) throw new Error(`colleague not created: ${await created.text()}`);
}

describe('people journey in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    await addColleague(server.url);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shots, `people-${name}.png`), animations: 'disabled' });

  it.each(viewports)(
    'finds 王鹏 by "wp", opens his phone with a reason, corrects it and sees the history at $name size',
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
        await page.goto(`${server.url}/residents`);
        await page.getByLabel(zhCN.login.username).fill(colleague.username);
        await page.getByLabel(zhCN.login.password).fill(colleague.password);
        await page.getByRole('button', { name: label(zhCN.login.submit) }).click();

        // One search box: the pinyin initials find him.
        const search = page.getByLabel(p.register.search);
        await search.fill('wp');
        await search.press('Enter');
        const hit = page
          .locator('.resident-table a, .resident-card-link')
          .filter({ hasText: '王鹏' });
        await hit.first().waitFor();
        expect(new URL(page.url()).searchParams.get('q')).toBe('wp');
        await shot(page, `${viewport.name}-search`);
        await hit.first().click();

        // His household: the phone is masked, with an eye to open it.
        const card = page.locator('[data-member="王鹏"]');
        await card.getByText(p.fields.head, { exact: true }).waitFor();
        const phone = card.locator('[data-field="phone"]');
        const oldMask = (await phone.locator('.mono').textContent())?.trim() ?? '';
        expect(oldMask).toMatch(/^1\d{2}\*{4}\d{4}$/);
        await shot(page, `${viewport.name}-household`);

        await card
          .getByRole('button', { name: `${p.sensitive.reveal}: ${p.fields.phone}` })
          .click();
        const reveal = page.getByRole('dialog', {
          name: fill(p.sensitive.revealTitle, { field: p.fields.phone }),
        });
        await reveal.getByLabel(p.sensitive.reason).fill('入户走访前电话预约');
        await shot(page, `${viewport.name}-reveal`);
        await reveal.getByRole('button', { name: label(p.sensitive.confirm) }).click();
        await reveal.waitFor({ state: 'hidden' });
        await phone.getByRole('link').waitFor();
        const whole = (await phone.textContent())?.trim() ?? '';
        expect(whole).toMatch(/^1\d{10}$/);
        expect(maskPhone(whole)).toBe(oldMask);

        // Correct the phone: the form starts from the number just opened.
        await card.getByRole('button', { name: label(p.ops.editMember) }).click();
        const edit = page.getByRole('dialog', {
          name: fill(p.forms.editMemberTitle, { name: '王鹏' }),
        });
        const phoneInput = edit.getByLabel(p.fields.phone);
        expect(await phoneInput.inputValue()).toBe(whole);
        await phoneInput.fill(viewport.newPhone);
        await shot(page, `${viewport.name}-edit`);
        await edit.getByRole('button', { name: label(zhCN.common.save) }).click();
        await edit.waitFor({ state: 'hidden' });
        await phone.getByText(viewport.newPhone).waitFor();

        // The history keeps the change, both values masked.
        const newMask = maskPhone(viewport.newPhone);
        const entry = page
          .locator('.history-item')
          .filter({ hasText: p.history.operations.update })
          .filter({ hasText: newMask })
          .first();
        await entry.scrollIntoViewIfNeeded();
        await entry.locator('.history-field', { hasText: p.fields.phone }).waitFor();
        expect(await entry.locator('.history-old').first().textContent()).toBe(oldMask);
        expect(await entry.locator('.history-new').first().textContent()).toBe(newMask);
        // The history names the person and their role, not the account.
        expect(await entry.textContent()).toContain(`${colleague.displayName} · 社工`);
        expect(await entry.textContent()).not.toContain(colleague.username);
        expect(await entry.textContent()).not.toContain(viewport.newPhone);
        await shot(page, `${viewport.name}-history`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    90_000,
  );
});
