import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../common/i18n/zh-CN';
import { maskPhone } from '../../common/people';
import type { CaseDetail } from '../../common/schemas/cases';
import type { Household } from '../../common/schemas/people';
import { apiAs, DESK, findUnit, journey, label, orgTree, PHONE, shooter, signIn } from './support';

const p = zhCN.people;
const c = zhCN.caseUi;

const viewports = [
  { name: 'desk', size: DESK, phone: false, newPhone: '13612345601' },
  { name: 'phone', size: PHONE, phone: true, newPhone: '13612345602' },
] as const;

/**
 * The journey's own worker and client, made through the API: the demo workers carry demo cases, and
 * the client's name (柏嘉禾, "bjh") is one the generated households never use.
 */
const worker = {
  username: 'social3.zhenhua',
  displayName: '孟晓岚',
  password: 'Linli#Caseload2026',
};
const client = { name: '柏嘉禾', initials: 'bjh', phone: '13700001111' };

/** A new social worker of 振华 station, a household with its head, consent, and a case at intervention. */
async function setUp(url: string): Promise<{ caseId: string }> {
  const admin = await apiAs(url, 'admin');
  const street = findUnit(await orgTree(admin), '振华街道');
  const station = street.children.find((n) => n.kind === 'station')!;
  const grid = street.children.find((n) => n.kind === 'community')!.children[0];
  await admin('POST', '/api/staff', {
    username: worker.username,
    displayName: worker.displayName,
    password: worker.password,
    roles: [{ role: 'socialWorker', orgUnitId: station.id }],
  });

  const me = await apiAs(url, worker.username, worker.password);
  const household = await me<Household>('POST', '/api/households', {
    gridId: grid.id,
    building: '8',
    unitNo: '1',
    room: '606',
    head: { name: client.name, gender: 'male', birthDate: '1968-05-12', phone: client.phone },
  });
  const residentId = household.members[0].id;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await me('POST', `/api/residents/${residentId}/consents`, {
    givenBy: 'self',
    consentDate: today,
    scope: '个案服务及必要的信息共享',
  });
  let detail = await me<CaseDetail>('POST', '/api/cases', {
    residentId,
    source: 'selfReferred',
    presentingProblem: '下岗后收入不稳定，想找一份兼职',
    riskLevel: 'medium',
    intake: { needAsTold: '想找份兼职补贴家用' },
  });
  const step = async (route: string, body: object, method = 'POST') =>
    (detail = await me<CaseDetail>(method, `/api/cases/${detail.id}${route}`, {
      version: detail.version,
      ...body,
    }));
  const rating = { rating: 3, needs: '', strengths: '' };
  await step('/advance', { to: 'assessment' });
  await step(
    '/forms',
    {
      stage: 'assessment',
      data: {
        domains: Object.fromEntries(
          [
            'health',
            'economy',
            'family',
            'educationWork',
            'psychology',
            'socialSupport',
            'safety',
          ].map((d) => [d, rating]),
        ),
        summary: '就业是主要需求',
        overallLevel: 3,
      },
    },
    'PUT',
  );
  await step('/advance', { to: 'plan' });
  await step(
    '/forms',
    {
      stage: 'plan',
      data: {
        goals: [{ id: 'job', description: '三个月内找到兼职', targetDate: '2027-03-01' }],
        actions: [{ description: '链接社区就业岗位', who: '社工', goalIds: ['job'] }],
      },
    },
    'PUT',
  );
  const supervisor = await apiAs(url, 'supervisor.zhenhua');
  detail = await supervisor<CaseDetail>('POST', `/api/cases/${detail.id}/review`, {
    version: detail.version,
    form: 'plan',
    decision: 'approved',
  });
  await step('/advance', { to: 'intervention' });
  return { caseId: detail.id };
}

describe('cases journey in Chromium', () => {
  const run = journey();
  let caseId: string;
  beforeAll(async () => {
    ({ caseId } = await setUp(run.url));
  });
  const shot = shooter('cases');

  it.each(viewports)(
    'finds the client by "bjh", records a home visit correcting the phone, sees the history and the next contact at $name size',
    async (viewport) => {
      const { page, errors } = await signIn(run.browser, run.url, worker.username, {
        size: viewport.size,
        path: '/residents',
        password: worker.password,
      });
      try {
        // The client, found by the initials of his name.
        const search = page.getByLabel(p.register.search);
        await search.fill(client.initials);
        await search.press('Enter');
        const hit = page
          .locator('.resident-table a, .resident-card-link')
          .filter({ hasText: client.name });
        await hit.first().click();

        // His household links to his case; the case says when he is next due.
        const card = page.locator(`[data-member="${client.name}"]`);
        await card.locator('.member-case-link').click();
        await page.locator('.case-bar').filter({ hasText: client.name }).waitFor();
        expect(page.url()).toContain(`/cases/${caseId}`);
        await shot(page, `${viewport.name}-case`);

        // A home visit, recorded at the door: the one primary button at intervention.
        await page.locator('[data-action="addRecord"]').click();
        const type = page.getByRole('radio', { name: zhCN.cases.recordTypes.homeVisit });
        expect(await type.isChecked()).toBe(true);
        await page.getByLabel(c.record.content).fill('入户走访，了解求职进展，核对联系电话');
        await page.getByRole('button', { name: label(c.record.quick.week) }).click();
        await page.getByRole('switch').click();
        const phoneInput = page.locator('.verify-form').getByLabel(p.fields.phone);
        const oldPhone = await phoneInput.inputValue();
        expect(oldPhone).toMatch(/^1\d{10}$/);
        await phoneInput.fill(viewport.newPhone);
        await shot(page, `${viewport.name}-visit`);
        await page.locator('[data-action="save-record"]').click();

        // The diff: field, old (masked) → new; nothing is written until it is confirmed.
        const diff = page.getByRole('dialog', { name: c.verify.diffTitle });
        const change = diff.locator('[data-field="phone"]');
        await change.waitFor();
        expect(await change.locator('.history-field').textContent()).toBe(p.fields.phone);
        expect(await change.locator('.history-old').textContent()).toBe(maskPhone(oldPhone));
        expect(await change.locator('.history-new').textContent()).toBe(viewport.newPhone);
        await shot(page, `${viewport.name}-diff`);
        await diff.getByRole('button', { name: label(c.verify.confirmSave) }).click();

        // Back on the case: the record is on the timeline, the next contact a week on.
        await page.waitForURL(`**/cases/${caseId}`);
        await page
          .locator('.record-item[data-record-type="homeVisit"]')
          .filter({ hasText: c.record.corrected })
          .first()
          .waitFor();
        const next = page.locator('[data-testid="next-contact"] .due-date');
        await next.waitFor();
        const nextDate = (await next.textContent())?.trim() ?? '';
        expect(nextDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

        // The household's history keeps the change, from the visit, both values masked.
        await page.locator('.case-bar-household').click();
        const entry = page
          .locator('.history-item')
          .filter({ hasText: p.history.sources.visit })
          .filter({ hasText: maskPhone(viewport.newPhone) })
          .first();
        await entry.scrollIntoViewIfNeeded();
        expect(await entry.locator('.history-old').first().textContent()).toBe(maskPhone(oldPhone));
        expect(await entry.locator('.history-new').first().textContent()).toBe(
          maskPhone(viewport.newPhone),
        );
        // The history names the person and their role, not the account.
        expect(await entry.textContent()).toContain(`${worker.displayName} · 社工`);
        expect(await entry.textContent()).not.toContain(worker.username);
        await shot(page, `${viewport.name}-history`);

        // 今日: the client's next contact is there.
        if (viewport.phone)
          await page
            .locator('.phone-tabs')
            .getByRole('link', { name: label(zhCN.app.tabs.today) })
            .click();
        else await page.getByRole('menuitem', { name: label(zhCN.app.menu.today) }).click();
        const upcoming = page.locator(`.upcoming li[data-client="${client.name}"]`);
        await upcoming.waitFor();
        expect(await upcoming.textContent()).toContain(nextDate);
        await shot(page, `${viewport.name}-today`);
        expect(errors).toEqual([]);
      } finally {
        await page.context().close();
      }
    },
    90_000,
  );
});
