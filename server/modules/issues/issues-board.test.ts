import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DeadlineTable,
  Issue,
  IssueCounts,
  IssueDetail,
  IssueNotice,
  IssueStep,
} from '../../../common/schemas/issues';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { addStaff } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf, issueStep } from '../../../test/support/issues';

type Page = { items: Issue[]; total: number };

describe.each(dialects)('the issue board, deadlines and escalation on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let staff: Session;
  let officer: Session;
  let commerce: Session;
  let otherGrid: Session;
  let xinwang: Session;
  let zhenhua: Session;
  let gridId: string;
  let grid2Id: string;
  let scjg: string;
  let swj: string;
  let xinwangId: string;
  const toScjg: string[] = [];
  const all: string[] = [];
  /** The demo's own issues (御河九号's stairwells in this grid, the other streets' stories). */
  const demo = new Set<string>();
  /** What the demo's issues alone put on community staff's tabs, before the test adds its own. */
  let before: IssueCounts;
  let beforeSafety: IssueCounts;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    [grid, staff, officer, zhenhua] = await Promise.all(
      ['grid.yuhe', 'staff.yuhe', 'officer.scjg', 'street.zhenhua'].map((u) => t.login(u)),
    );
    gridId = await gridIdOf(admin, '御河九号社区');
    const countsNow = async (query: string) =>
      (
        await staff.inject({ method: 'GET', url: `/api/issues/counts?${query}` })
      ).json<IssueCounts>();
    [before, beforeSafety] = [await countsNow(''), await countsNow('category=safetyHazard')];
    grid2Id = await gridIdOf(admin, '御河九号社区', '第二网格');
    await addStaff(admin, {
      username: 'officer.swj',
      displayName: '王海',
      role: 'departmentOfficer',
      unit: '商务局',
    });
    const res = await admin.inject({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'grid.yuhe2',
        displayName: '李娜',
        password: 'Linli#Test2026',
        roles: [{ role: 'gridWorker', orgUnitId: grid2Id }],
      },
    });
    expect(res.statusCode).toBe(201);
    commerce = await t.login('officer.swj', 'Linli#Test2026');
    xinwang = await t.login('street.xinwang'); // the demo's street admin of 新旺
    otherGrid = await t.login('grid.yuhe2', 'Linli#Test2026');
    scjg = (await unitByName(admin, '市场监督管理局')).id;
    swj = (await unitByName(admin, '商务局')).id;
    xinwangId = (await unitByName(admin, '新旺街道')).id;

    const seeded = await admin.inject({ method: 'GET', url: '/api/issues?pageSize=200' });
    for (const i of seeded.json<Page>().items) demo.add(i.id);
    // A: with 市场监督管理局 now; B: with 商务局; C: sent back by 商务局, then to 市场监督管理局; D: not dispatched.
    const a = await buildIssue(grid, { gridId, description: 'A 便民市场入口无人值守' });
    const b = await buildIssue(grid, { gridId, description: 'B 商场促销占用消防通道' });
    const c = await buildIssue(grid, { gridId, description: 'C 药店未登记外来人员' });
    const d = await buildIssue(grid, {
      gridId,
      category: 'safetyHazard',
      description: 'D 电动车楼道充电',
    });
    for (const [issue, dept] of [
      [a, scjg],
      [b, swj],
      [c, swj],
    ] as const) {
      const accepted = await issueStep(staff, issue, { action: 'accept' });
      await issueStep(staff, accepted, { action: 'dispatch', departmentId: dept });
    }
    const cNow = (
      await commerce.inject({ method: 'GET', url: `/api/issues/${c.id}` })
    ).json<IssueDetail>();
    const back = await issueStep(commerce, cNow, { action: 'sendBack', note: '应由市场监管处理' });
    await issueStep(staff, back, { action: 'dispatch', departmentId: scjg });
    toScjg.push(a.id, c.id);
    all.push(a.id, b.id, c.id, d.id);
  });
  afterAll(() => t?.close());

  const board = async (s: Session, query = '') =>
    (await s.inject({ method: 'GET', url: `/api/issues?pageSize=200${query}` })).json<Page>();
  const counts = async (s: Session, query = '') =>
    (await s.inject({ method: 'GET', url: `/api/issues/counts?${query}` })).json<IssueCounts>();
  const ids = (p: Page) =>
    p.items
      .map((i) => i.id)
      .filter((id) => !demo.has(id))
      .sort();

  it('shows a department officer only the issues dispatched to his department, now or before', async () => {
    const mine = await board(officer);
    expect(ids(mine)).toEqual([...toScjg].sort());
    const c = await counts(officer);
    expect(c.inProgress).toBe(2);
    expect(c.reported + c.accepted + c.handled + c.closed).toBe(0);
    // 商务局 had B, and C until it sent C back.
    expect(ids(await board(commerce))).toEqual([all[1], all[2]].sort());
    expect(ids(await board(officer, `&departmentId=${swj}`))).toEqual([]);
  });

  it('shows a grid worker only his grid, and other streets nothing', async () => {
    expect((await board(otherGrid)).total).toBe(0);
    expect((await board(zhenhua)).total).toBe(0);
    expect((await counts(otherGrid)).inProgress).toBe(0);
    for (const id of all)
      expect((await otherGrid.inject({ method: 'GET', url: `/api/issues/${id}` })).statusCode).toBe(
        404,
      );
    expect(ids(await board(grid))).toEqual([...all].sort());
    expect(ids(await board(staff))).toEqual([...all].sort());
    expect(ids(await board(xinwang))).toEqual([...all].sort());
    const adminBoard = await board(admin);
    expect(adminBoard.total).toBe(all.length + demo.size);
  });

  it('filters by tab, status, category, department and text, and counts the tabs', async () => {
    expect(ids(await board(staff, '&tab=inProgress'))).toEqual([all[0], all[1], all[2]].sort());
    expect(ids(await board(staff, '&status=reported'))).toEqual([all[3]]);
    expect(ids(await board(staff, '&category=safetyHazard'))).toEqual([all[3]]);
    expect(ids(await board(staff, `&departmentId=${scjg}`))).toEqual([...toScjg].sort());
    expect(ids(await board(staff, `&q=${encodeURIComponent('药店')}`))).toEqual([all[2]]);
    // D waits for acceptance; A, B and C are with their departments.
    expect(await counts(staff)).toEqual({
      ...before,
      reported: before.reported + 1,
      inProgress: before.inProgress + 3,
    });
    expect((await counts(staff, 'category=safetyHazard')).reported).toBe(beforeSafety.reported + 1);
    const page = await staff.inject({ method: 'GET', url: '/api/issues?page=2&pageSize=3' });
    const open = before.reported + before.accepted + before.inProgress + before.handled;
    expect(page.json<Page>().total).toBe(open + before.closed + 4);
    expect(page.json<Page>().items).toHaveLength(Math.min(3, open + before.closed + 4 - 3));
  });

  it('exports the board to Excel with Chinese headers and Shanghai times', async () => {
    const res = await staff.inject({
      method: 'GET',
      url: '/api/issues/export.xlsx?tab=inProgress',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('上报时间');
    expect(ws.getRow(1).getCell(11).value).toBe('处置部门');
    expect(ws.rowCount).toBe(5);
    const a = (await staff.inject({ method: 'GET', url: `/api/issues/${all[0]}` })).json<Issue>();
    const local = new Date(Date.parse(a.createdAt) + 8 * 3_600_000).toISOString().slice(0, 16);
    const rows = [2, 3, 4].map((n) => ws.getRow(n));
    const rowA = rows.find((r) => r.getCell(9).text.startsWith('A '))!;
    // A date cell showing the Shanghai wall time (Excel keeps no time zone).
    expect((rowA.getCell(1).value as Date).toISOString().slice(0, 16)).toBe(local);
    expect(rowA.getCell(4).value).toBe('已派遣');
    expect(rowA.getCell(11).value).toBe('市场监督管理局');
    const en = await officer.inject({
      method: 'GET',
      url: '/api/issues/export.xlsx',
      headers: { 'accept-language': 'en-US' },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets[0].getRow(1).getCell(1).value).toBe('Reported at');
    expect(wbEn.worksheets[0].rowCount).toBe(1 + toScjg.length);
  });

  it('shows an issue past its step limit as overdue, and escalates it one level per elapsed limit, notifying each level', async () => {
    const x = await buildIssue(grid, { gridId, category: 'other', description: 'X 小区路灯损坏' });
    // The step was due an hour ago (time moves on in the stored deadlines, not in a clock the
    // client sends: the server judges overdue against its own).
    const due = new Date(Date.now() - 3_600_000).toISOString();
    const setEscalateAt = (at: string, deadline?: string) =>
      t.handle.db
        .updateTable('issue')
        .set({ escalate_at: at, ...(deadline && { step_deadline: deadline }) })
        .where('id', '=', x.id)
        .execute();
    await setEscalateAt(due, due);
    const seen = (await staff.inject({ method: 'GET', url: `/api/issues/${x.id}` })).json<Issue>();
    expect(seen).toMatchObject({ overdue: true, stepDeadline: due, escalationLevel: 'grid' });
    expect(ids(await board(grid, '&overdue=true'))).toEqual([x.id]);
    expect(ids(await board(staff, '&overdue=true'))).toEqual([x.id]);
    expect(ids(await board(staff, '&overdue=false'))).not.toContain(x.id);
    expect((await counts(staff)).overdue).toBe(1);

    const escalate = (s: Session) =>
      s.inject({ method: 'POST', url: '/api/issues/escalate', payload: {} });
    expect((await escalate(staff)).statusCode).toBe(403);
    const levelOf = async () =>
      (await staff.inject({ method: 'GET', url: `/api/issues/${x.id}` })).json<Issue>();

    const first = await escalate(admin);
    expect(first.json()).toEqual({ escalated: 1 });
    expect(await levelOf()).toMatchObject({ escalationLevel: 'community', version: x.version });
    // Within the next limit (one working day after the deadline) it stays where it is.
    expect((await escalate(admin)).json()).toEqual({ escalated: 0 });
    const communityNotice = (
      await staff.inject({ method: 'GET', url: '/api/issue-notices?unread=true' })
    ).json<{ items: IssueNotice[] }>().items;
    expect(communityNotice.map((n) => [n.issueId, n.kind, n.level, n.unit.name])).toEqual([
      [x.id, 'escalation', 'community', '御河九号社区'],
    ]);
    expect(
      (await xinwang.inject({ method: 'GET', url: '/api/issue-notices' })).json<Page>().total,
    ).toBe(0);

    // Weeks pass with nothing done: one level per run, street then district, then no higher.
    await setEscalateAt(new Date(Date.now() - 28 * 86_400_000).toISOString());
    expect((await escalate(admin)).json()).toEqual({ escalated: 1 });
    expect((await levelOf()).escalationLevel).toBe('street');
    const streetView = await board(xinwang, '&level=street&overdue=true');
    expect(ids(streetView)).toEqual([x.id]);
    expect(streetView.items[0]).toMatchObject({ overdue: true, escalationLevel: 'street' });
    const streetNotices = (
      await xinwang.inject({ method: 'GET', url: '/api/issue-notices' })
    ).json<{ items: IssueNotice[] }>().items;
    expect(streetNotices.map((n) => [n.issueId, n.level])).toEqual([[x.id, 'street']]);
    expect((await escalate(admin)).json()).toEqual({ escalated: 1 });
    expect((await levelOf()).escalationLevel).toBe('district');
    await setEscalateAt(new Date(Date.now() - 90 * 86_400_000).toISOString());
    expect((await escalate(admin)).json()).toEqual({ escalated: 0 });
    const adminNotices = (await admin.inject({ method: 'GET', url: '/api/issue-notices' })).json<{
      items: IssueNotice[];
    }>().items;
    expect(adminNotices.map((n) => n.level)).toEqual(['district']);

    const timeline = (await grid.inject({ method: 'GET', url: `/api/issues/${x.id}/steps` })).json<{
      items: IssueStep[];
    }>().items;
    expect(timeline.filter((s) => s.action === 'escalate').map((s) => [s.actor, s.level])).toEqual([
      [null, 'community'],
      [null, 'street'],
      [null, 'district'],
    ]);
    // Still overdue on the board until the step is done; accepting it ends that.
    const still = await levelOf();
    expect(still.overdue).toBe(true);
    const accepted = await issueStep(staff, still, { action: 'accept' });
    expect(accepted.overdue).toBe(false);
    expect(accepted.stepDeadline! > new Date().toISOString()).toBe(true);
    expect(accepted.escalationLevel).toBe('district');
  });

  it('judges overdue by the server’s clock only: a `now` sent by the client is refused and escalates nothing', async () => {
    const y = await buildIssue(grid, { gridId, category: 'other', description: 'Y 小区井盖松动' });
    const as2030 = await admin.inject({
      method: 'POST',
      url: '/api/issues/escalate',
      payload: { now: '2030-01-01T00:00:00Z' },
    });
    expect(as2030.statusCode).toBe(400);
    expect(as2030.body).toContain('now');
    const run = await admin.inject({ method: 'POST', url: '/api/issues/escalate', payload: {} });
    expect(run.json()).toEqual({ escalated: 0 });
    const after = (await staff.inject({ method: 'GET', url: `/api/issues/${y.id}` })).json<Issue>();
    expect(after).toMatchObject({ overdue: false, escalationLevel: 'grid' });
    const notices = (await staff.inject({ method: 'GET', url: '/api/issue-notices' })).json<{
      items: IssueNotice[];
    }>().items;
    expect(notices.map((n) => n.issueId)).not.toContain(y.id);
  });

  it('lets street and district admins set the time limits, and uses them from the next step', async () => {
    expect((await staff.inject({ method: 'GET', url: '/api/issue-deadlines' })).statusCode).toBe(
      403,
    );
    const start = await xinwang.inject({ method: 'GET', url: '/api/issue-deadlines' });
    expect(start.statusCode).toBe(200);
    const table = start.json<DeadlineTable>();
    expect(table).toMatchObject({ streetId: xinwangId, version: 0, own: [] });
    expect(table.rules).toHaveLength(24);
    expect(table.rules.find((r) => r.step === 'handle' && r.category === 'safetyHazard')).toEqual({
      step: 'handle',
      category: 'safetyHazard',
      amount: 2,
      unit: 'days',
      source: 'default',
    });
    const put = (s: Session, payload: object) =>
      s.inject({ method: 'PUT', url: '/api/issue-deadlines', payload });
    const rules = [{ step: 'accept', category: 'livelihoodRequest', amount: 4, unit: 'hours' }];
    const saved = await put(xinwang, { streetId: xinwangId, version: 0, rules });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<DeadlineTable>()).toMatchObject({ version: 1, own: rules });
    expect((await put(xinwang, { streetId: xinwangId, version: 0, rules })).statusCode).toBe(409);
    expect((await put(zhenhua, { streetId: xinwangId, version: 1, rules })).statusCode).toBe(404);
    expect((await put(xinwang, { streetId: null, version: 0, rules })).statusCode).toBe(403);
    const dup = await put(xinwang, {
      streetId: xinwangId,
      version: 1,
      rules: [...rules, ...rules],
    });
    expect(dup.statusCode).toBe(400);
    const district = await put(admin, {
      streetId: null,
      version: 0,
      rules: [{ step: 'dispatch', category: 'livelihoodRequest', amount: 3, unit: 'hours' }],
    });
    expect(district.statusCode).toBe(200);
    const now = (
      await xinwang.inject({ method: 'GET', url: '/api/issue-deadlines' })
    ).json<DeadlineTable>();
    const of = (step: string) =>
      now.rules.find((r) => r.step === step && r.category === 'livelihoodRequest');
    expect(of('accept')).toMatchObject({ amount: 4, unit: 'hours', source: 'street' });
    expect(of('dispatch')).toMatchObject({ amount: 3, unit: 'hours', source: 'district' });

    const issue = await buildIssue(grid, {
      gridId,
      category: 'livelihoodRequest',
      description: '居民反映小区停水',
    });
    const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
    expect(hours(issue.createdAt, issue.stepDeadline!)).toBeCloseTo(4, 1);
    const accepted = await issueStep(staff, issue, { action: 'accept' });
    expect(hours(accepted.updatedAt, accepted.stepDeadline!)).toBeCloseTo(3, 1);
  });
});
