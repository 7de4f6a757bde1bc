import type { Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { interpolate } from '../../common/i18n';
import { zhCN } from '../../common/i18n/zh-CN';
import { apiAs, journey, label, signIn } from './support';

/**
 * The same fault, typed into a form and sent to the API, reads the same: the form's words at the
 * field are the words of the server's 400 (提交的内容有误：phone — <the form's words>). Both come from
 * the shared schema and common/validation.ts; if either side words it its own way, this fails.
 */

/** A write as this user that the API is expected to refuse: its status and error. */
async function refusedAs(url: string, username: string) {
  const api = await apiAs(url, username);
  return async (path: string, body: object) => {
    const res = await api.reply('POST', `/api${path}`, body);
    return { status: res.status, ...((await res.json()) as { error: { message: string } }) };
  };
}

/** The error antd shows under the form item of the field with this label. */
async function fieldError(page: Page, within: Locator, fieldLabel: string) {
  const item = within.locator('.ant-form-item').filter({ has: page.getByLabel(fieldLabel) });
  const error = item.locator('.ant-form-item-explain-error');
  await error.waitFor();
  return (await error.textContent())?.trim() ?? '';
}

const reply = (field: string, words: string) =>
  interpolate(zhCN.errors.VALIDATION_FAILED, { field, detail: ` — ${words}` });

describe('a form and the API word the same fault alike', () => {
  const j = journey();

  it('staff: a phone number that is not a mobile number', async () => {
    const { page, errors } = await signIn(j.browser, j.url, 'admin', { path: '/staff' });
    try {
      await page.getByRole('button', { name: label(zhCN.staff.add) }).click();
      const dialog = page.getByRole('dialog', { name: zhCN.staff.addTitle });
      const phone = dialog.getByLabel(zhCN.staff.phone);
      await phone.fill('12345');
      const atField = await fieldError(page, dialog, zhCN.staff.phone);
      expect(atField).toBe(zhCN.validation.named.mobile);

      const post = await refusedAs(j.url, 'admin');
      const refused = await post('/staff', {
        username: 'contract.check',
        displayName: '核对',
        phone: '12345',
        password: 'Linli#Contract2026',
        roles: [{ role: 'viewer', orgUnitId: uuidv7() }],
      });
      expect(refused.status).toBe(400);
      expect(refused.error.message).toBe(reply('phone', atField));
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 90_000);

  it('people: an ID number whose check character is wrong', async () => {
    const { page, errors } = await signIn(j.browser, j.url, 'grid.yuhe', { path: '/residents' });
    const p = zhCN.people;
    try {
      await page.getByRole('button', { name: label(p.register.newHousehold) }).click();
      const dialog = page.getByRole('dialog', { name: p.forms.newHouseholdTitle });
      const idNumber = dialog.getByLabel(p.fields.idNumber);
      // 11010519491231002X is a valid number; its last character changed, the check fails.
      await idNumber.fill('110105194912310021');
      const atField = await fieldError(page, dialog, p.fields.idNumber);
      expect(atField).toBe(zhCN.validation.named.idNumber);

      const post = await refusedAs(j.url, 'grid.yuhe');
      const refused = await post('/households', {
        gridId: uuidv7(),
        building: '1',
        room: '101',
        head: { name: '核对', idNumber: '110105194912310021' },
      });
      expect(refused.status).toBe(400);
      expect(refused.error.message).toBe(reply('head.idNumber', atField));

      // A required field left empty: 请填写此项 at the field and in the reply alike.
      const building = dialog.getByLabel(p.fields.building);
      await building.fill('x');
      await building.fill('');
      const missing = await fieldError(page, dialog, p.fields.building);
      const refusedEmpty = await post('/households', {
        gridId: uuidv7(),
        room: '101',
        head: { name: '核对' },
      });
      expect(refusedEmpty.error.message).toBe(reply('building', missing));
      expect(missing).toBe(zhCN.validation.required);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 90_000);
});
