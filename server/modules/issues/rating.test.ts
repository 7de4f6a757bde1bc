import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../common/i18n';
import type { IssueDetail } from '../../../common/schemas/issues';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf, issueStep } from '../../../test/support/issues';

type Refusal = { error: { code: string; message: string; field?: string } };

// The 评价 step once answered 400 with zod's words ("rating — expected number >=1") where the form
// could show nothing useful: every way a rating can be wrong now answers the shared 评价须为 1 到 5 分.
describe.each(dialects)('rating an issue on %s', (dialect) => {
  let t: TestApp;
  let grid: Session;
  let closed: IssueDetail;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const admin = await t.login('admin');
    const [staff, officer] = await Promise.all(
      ['staff.yuhe', 'officer.scjg'].map((u) => t.login(u)),
    );
    grid = await t.login('grid.yuhe');
    const gridId = await gridIdOf(admin, '御河九号社区');
    const scjg = (await unitByName(admin, '市场监督管理局')).id;
    let issue = await buildIssue(grid, { gridId, description: '5号楼门前井盖松动' });
    issue = await issueStep(staff, issue, { action: 'accept' });
    issue = await issueStep(staff, issue, { action: 'dispatch', departmentId: scjg });
    issue = await issueStep(officer, issue, { action: 'startHandling' });
    issue = await issueStep(officer, issue, { action: 'handle', note: '已更换井盖' });
    closed = await issueStep(grid, issue, { action: 'verify', fixed: true, note: '井盖已固定' });
    expect(closed.status).toBe('closed');
  });
  afterAll(() => t?.close());

  const rate = (body: object, locale?: string) =>
    grid.inject({
      method: 'POST',
      url: `/api/issues/${closed.id}/steps`,
      headers: locale ? { 'accept-language': locale } : {},
      payload: { action: 'rate', version: closed.version, ...body },
    });

  it('answers a missing or wrong rating with the shared message, in the caller’s language, at the field', async () => {
    const wrong = [
      {},
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: '5' },
      { rating: null },
    ];
    for (const body of wrong)
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const res = await rate(body, locale);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json<Refusal>().error, JSON.stringify(body)).toEqual({
          code: 'RATING_OUT_OF_RANGE',
          message: resources[locale].errors.RATING_OUT_OF_RANGE,
          field: 'rating',
        });
      }
    const still = await grid.inject({ method: 'GET', url: `/api/issues/${closed.id}` });
    expect(still.json<IssueDetail>()).toMatchObject({ status: 'closed', rating: null });
  });

  it('keeps every other 400 of the step in the shared words too, then takes a good rating', async () => {
    const long = await rate({ rating: 4, note: '好'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json<Refusal>().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'note' });
    expect(long.json<Refusal>().error.message).toMatch(/^提交的内容有误：note — /);
    const res = await rate({ rating: 4, note: '处理及时' });
    expect(res.statusCode).toBe(200);
    expect(res.json<IssueDetail>()).toMatchObject({ status: 'rated', rating: 4 });
  });
});
