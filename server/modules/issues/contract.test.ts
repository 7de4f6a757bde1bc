import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetail, IssueStep } from '../../../common/schemas/issues';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf, issueStep } from '../../../test/support/issues';
import { buildPlace } from '../../../test/support/places';
import { shanghaiDayEnd } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import { resolveSession } from '../auth/service';
import { issueSummaryFor, reportIssue, verifyIssueByReinspection } from './service';

// What other modules (places and inspections, patrols) use of the issues module, called as they do.
describe.each(dialects)('the issues contract on %s', (dialect) => {
  let t: TestApp;
  let grid: Session;
  let staff: Session;
  let officer: Session;
  let otherGrid: Session;
  let gridId: string;
  let scjg: string;
  let plain: IssueDetail;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const admin = await t.login('admin');
    [grid, staff, officer] = await Promise.all(
      ['grid.yuhe', 'staff.yuhe', 'officer.scjg'].map((u) => t.login(u)),
    );
    gridId = await gridIdOf(admin, '御河九号社区');
    const res = await admin.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'grid.yuhe2',
        displayName: '李娜',
        password: 'Linli#Test2026',
        roles: [
          { role: 'gridWorker', orgUnitId: await gridIdOf(admin, '御河九号社区', '第二网格') },
        ],
      },
    });
    expect(res.statusCode).toBe(201);
    otherGrid = await t.login('grid.yuhe2', 'Linli#Test2026');
    scjg = (await unitByName(admin, '市场监督管理局')).id;
    plain = await buildIssue(grid, { gridId, description: '单元门禁损坏' });
  });
  afterAll(() => t?.close());

  /** The caller behind a session, as another module's service receives it. */
  const callerOf = async (s: Session): Promise<Caller> => {
    const token = s.cookie
      .split('; ')
      .find((c) => c.startsWith('linli_session='))!
      .split('=')[1];
    const c = await resolveSession({
      db: t.handle.db,
      token,
      ip: '127.0.0.1',
      settings: { sessionIdleMinutes: 30, requireTwoFactor: false },
    });
    if (typeof c === 'string') throw new Error(c);
    return c;
  };

  it('gives other modules reportIssue, verifyIssueByReinspection and issueSummaryFor, inside their transaction', async () => {
    const db = t.handle.db;
    const gridCaller = await callerOf(grid);
    const count = async () => (await db.selectFrom('issue').select('id').execute()).length;
    const before = await count();
    await expect(
      db.transaction().execute(async (trx) => {
        await reportIssue(trx, gridCaller, {
          source: 'inspection',
          category: 'epidemicPrevention',
          gridId,
          description: '员工健康监测台账不全',
        });
        throw new Error('the inspection failed to save');
      }),
    ).rejects.toThrow('the inspection failed to save');
    expect(await count()).toBe(before);

    // A failed inspection's issue, with a rectification order due today (Shanghai).
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const order = {
      items: [{ checklistItemId: 'health-ledger', text: '员工健康检测台账', note: '缺 3 天记录' }],
      deadline: today,
    };
    const raised = await db.transaction().execute((trx) =>
      reportIssue(trx, gridCaller, {
        source: 'inspection',
        sourceId: 'inspection-1',
        category: 'epidemicPrevention',
        gridId,
        description: '入口无人值守，员工健康检测台账不全',
        rectification: order,
      }),
    );
    let issue = (
      await staff.inject({ method: 'GET', url: `/api/issues/${raised.id}` })
    ).json<IssueDetail>();
    expect(issue).toMatchObject({
      source: 'inspection',
      sourceId: 'inspection-1',
      rectification: order,
    });
    issue = await issueStep(staff, issue, { action: 'accept' });
    issue = await issueStep(staff, issue, { action: 'dispatch', departmentId: scjg });
    // The handling limit is the end of the order's deadline day.
    expect(issue.stepDeadline).toBe(shanghaiDayEnd(today));
    const officerCaller = await callerOf(officer);
    issue = (
      await officer.inject({ method: 'GET', url: `/api/issues/${issue.id}` })
    ).json<IssueDetail>();
    issue = await issueStep(officer, issue, { action: 'startHandling' });

    // Someone of another grid cannot re-inspect.
    const strangerCaller = await callerOf(otherGrid);
    await expect(
      verifyIssueByReinspection(db, strangerCaller, issue.id, true, '复查合格'),
    ).rejects.toMatchObject({ statusCode: 404 });
    const later = await db.transaction().execute((trx) =>
      reportIssue(trx, gridCaller, {
        source: 'inspection',
        category: 'epidemicPrevention',
        gridId,
        description: '消杀记录缺失',
        rectification: { ...order, deadline: '2099-01-01' },
      }),
    );
    const laterIssue = (
      await staff.inject({ method: 'GET', url: `/api/issues/${later.id}` })
    ).json<IssueDetail>();
    const acceptedLater = await issueStep(staff, laterIssue, { action: 'accept' });
    await issueStep(staff, acceptedLater, { action: 'dispatch', departmentId: scjg });
    // The unit rectified early: the re-inspection need not wait for the deadline.
    await db
      .transaction()
      .execute((trx) => verifyIssueByReinspection(trx, officerCaller, later.id, true, '复查合格'));
    expect(
      (await staff.inject({ method: 'GET', url: `/api/issues/${later.id}` })).json<IssueDetail>()
        .status,
    ).toBe('closed');
    await expect(
      verifyIssueByReinspection(db, gridCaller, plain.id, true, '复查合格'),
    ).rejects.toMatchObject({ statusCode: 409, code: 'INVALID_TRANSITION' });

    await db
      .transaction()
      .execute((trx) => verifyIssueByReinspection(trx, officerCaller, issue.id, true, '复查合格'));
    const closed = (
      await staff.inject({ method: 'GET', url: `/api/issues/${issue.id}` })
    ).json<IssueDetail>();
    expect(closed.status).toBe('closed');
    const timeline = (
      await staff.inject({ method: 'GET', url: `/api/issues/${issue.id}/steps` })
    ).json<{ items: IssueStep[] }>().items;
    expect(
      timeline.slice(-2).map((s) => `${s.action}:${s.fromStatus}→${s.toStatus}:${s.actor?.name}`),
    ).toEqual(['verify:handling→verified:刘建国', 'close:verified→closed:刘建国']);

    const summary = await issueSummaryFor(db, [issue.id, later.id, plain.id, 'no-such-issue']);
    expect(summary.get(issue.id)).toEqual({ status: 'closed', stepDeadline: null, overdue: false });
    expect(summary.get(later.id)).toMatchObject({ status: 'closed', overdue: false });
    expect(summary.get(plain.id)).toMatchObject({ status: 'reported' });
    expect(summary.has('no-such-issue')).toBe(false);
  });
  it('takes the grid of a named place, and lets a bureau officer report where he inspects', async () => {
    const place = await buildPlace(staff, { gridId, name: '御河九号便利店' });
    const officerCaller = await callerOf(officer);
    const raised = await t.handle.db.transaction().execute((trx) =>
      reportIssue(trx, officerCaller, {
        source: 'inspection',
        category: 'epidemicPrevention',
        placeId: place.id,
        description: '入口未设专人值守',
      }),
    );
    expect(raised.created).toBe(true);
    const issue = (
      await officer.inject({ method: 'GET', url: `/api/issues/${raised.id}` })
    ).json<IssueDetail>();
    expect(issue).toMatchObject({
      gridId,
      placeId: place.id,
      placeName: '御河九号便利店',
      reporter: { name: '刘建国' },
      communityName: '御河九号社区',
    });
    const elsewhere = await gridIdOf(staff, '御河九号社区', '第二网格');
    await expect(
      reportIssue(t.handle.db, officerCaller, {
        source: 'inspection',
        category: 'other',
        placeId: place.id,
        gridId: elsewhere,
        description: 'x',
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'PLACE_NOT_IN_GRID' });
    // The community's staff may re-inspect too: a handled issue, verified and closed.
    let handled = await issueStep(staff, issue, { action: 'accept' });
    handled = await issueStep(staff, handled, { action: 'dispatch', departmentId: scjg });
    handled = await issueStep(officer, handled, { action: 'startHandling' });
    handled = await issueStep(officer, handled, { action: 'handle', note: '已安排专人值守' });
    expect(handled.status).toBe('handled');
    await verifyIssueByReinspection(
      t.handle.db,
      await callerOf(staff),
      issue.id,
      false,
      '复查仍无人',
    );
    const reopened = (
      await staff.inject({ method: 'GET', url: `/api/issues/${issue.id}` })
    ).json<IssueDetail>();
    expect(reopened.status).toBe('reopened');
  });
});
