import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { maskPhone } from '../../common/people';
import { apiAs, DESK, findUnit, journey, label, orgTree, PHONE, shooter, signIn } from './support';

const p = zhCN.people;

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

const viewports = [
  { name: 'desk', size: DESK, newPhone: '13512345601' },
  { name: 'phone', size: PHONE, newPhone: '13512345602' },
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

/** The colleague, made by the admin in 振华 station. */
async function addColleague(url: string) {
  const admin = await apiAs(url, 'admin');
  const station = findUnit(await orgTree(admin), '振华街道社工站');
  await admin('POST', '/api/staff', {
    username: colleague.username,
    displayName: colleague.displayName,
    password: colleague.password,
    roles: [{ role: 'socialWorker', orgUnitId: station.id }],
  });
}

describe('people journey in Chromium', () => {
  const run = journey();
  beforeAll(() => addColleague(run.url));
  const shot = shooter('people');

  it.each(viewports)(
    'finds 王鹏 by "wp", opens his phone with a reason, corrects it and sees the history at $name size',
    async (viewport) => {
      const { page, errors } = await signIn(run.browser, run.url, colleague.username, {
        size: viewport.size,
        path: '/residents',
        password: colleague.password,
      });
      try {
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
        await page.context().close();
      }
    },
    90_000,
  );
});
