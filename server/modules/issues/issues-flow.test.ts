import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetail, IssueStep } from '../../../common/schemas/issues';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { addStaff } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildIssue, gridIdOf, issueStep } from '../../../test/support/issues';

describe.each(dialects)('the issue flow on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let staff: Session;
  let officer: Session;
  let commerce: Session;
  let otherGrid: Session;
  let streetXinwang: Session;
  let viewer: Session;
  let gridId: string;
  let grid2Id: string;
  let scjg: string;
  let swj: string;
  let photo: Buffer;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    [grid, staff, officer, viewer] = await Promise.all(
      ['grid.yuhe', 'staff.yuhe', 'officer.scjg', 'viewer'].map((u) => t.login(u)),
    );
    const more = [
      { username: 'officer.swj', displayName: '王海', role: 'departmentOfficer', unit: '商务局' },
      { username: 'grid.yuhe2', displayName: '李娜', role: 'gridWorker', unit: '第二网格' },
    ];
    gridId = await gridIdOf(admin, '御河九号社区');
    grid2Id = await gridIdOf(admin, '御河九号社区', '第二网格');
    for (const m of more) {
      if (m.unit === '第二网格') {
        const res = await admin.inject({
          method: 'POST',
          url: '/api/staff',
          payload: {
            username: m.username,
            displayName: m.displayName,
            password: 'Linli#Test2026',
            roles: [{ role: m.role, orgUnitId: grid2Id }],
          },
        });
        expect(res.statusCode).toBe(201);
      } else await addStaff(admin, m);
    }
    commerce = await t.login('officer.swj', 'Linli#Test2026');
    otherGrid = await t.login('grid.yuhe2', 'Linli#Test2026');
    streetXinwang = await t.login('street.xinwang'); // the demo's street admin of 新旺
    scjg = (await unitByName(admin, '市场监督管理局')).id;
    swj = (await unitByName(admin, '商务局')).id;
    photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(() => t?.close());

  const upload = async (s: Session) => {
    const res = await s.inject({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': 'image/jpeg' },
      payload: photo,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; url: string }>();
  };
  const steps = async (s: Session, id: string) =>
    (await s.inject({ method: 'GET', url: `/api/issues/${id}/steps` })).json<{
      items: IssueStep[];
    }>().items;
  const send = (s: Session, id: string, payload: object) =>
    s.inject({ method: 'POST', url: `/api/issues/${id}/steps`, payload });
  /** What a refused request must leave alone: the issue row, its steps and the audit log. */
  const snapshot = async (id: string) => {
    const db = t.handle.db;
    const [issue, stepRows, audit] = await Promise.all([
      db.selectFrom('issue').selectAll().where('id', '=', id).executeTakeFirst(),
      db.selectFrom('issue_step').select('id').where('issue_id', '=', id).execute(),
      db.selectFrom('audit_log').select('id').execute(),
    ]);
    return JSON.stringify([issue, stepRows.length, audit.length]);
  };

  it('answers 401 without a session, 400 for a report without a grid, 404 and 403 out of reach', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/issues' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/issues', payload: {} })).statusCode,
    ).toBe(401);
    const noGrid = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { source: 'manual', category: 'other', description: '路灯不亮' },
    });
    expect(noGrid.statusCode).toBe(400);
    expect(noGrid.json<{ error: { code: string } }>().error.code).toBe('GRID_REQUIRED');
    const bad = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { source: 'rumour', category: 'other', description: 'x', gridId },
    });
    expect(bad.statusCode).toBe(400);
    // Another grid of the same community is not his; a viewer sees the grid but reports nothing.
    const elsewhere = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { source: 'manual', category: 'other', description: '路灯不亮', gridId: grid2Id },
    });
    expect(elsewhere.statusCode).toBe(404);
    const looker = await viewer.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { source: 'manual', category: 'other', description: '路灯不亮', gridId },
    });
    expect(looker.statusCode).toBe(403);
    const issue = await buildIssue(grid, { gridId });
    expect(
      (await officer.inject({ method: 'GET', url: `/api/issues/${issue.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await otherGrid.inject({ method: 'GET', url: `/api/issues/${issue.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await send(officer, issue.id, { action: 'accept', version: issue.version })).statusCode,
    ).toBe(404);
    // The reporter sees it, but accepting is the community's.
    expect(
      (await send(grid, issue.id, { action: 'accept', version: issue.version })).statusCode,
    ).toBe(403);
  });

  it('walks the whole flow by the right people: report, accept, dispatch, handle, verify (not fixed, then fixed), close, rate', async () => {
    const reportPhoto = await upload(grid);
    let issue = await buildIssue(grid, {
      gridId,
      description: '御河九号3号楼楼道堆放杂物，高层有抛物现象',
      photoIds: [reportPhoto.id],
    });
    expect(issue).toMatchObject({
      status: 'reported',
      escalationLevel: 'grid',
      reporter: { name: '马志强' },
      gridName: '第一网格',
      communityName: '御河九号社区',
      overdue: false,
    });
    expect(issue.photos.map((p) => p.id)).toEqual([reportPhoto.id]);
    expect(issue.stepDeadline! > issue.createdAt).toBe(true);
    // The reporter has nothing to do until it is handled.
    expect(issue.actions).toEqual([]);

    let seen = (
      await staff.inject({ method: 'GET', url: `/api/issues/${issue.id}` })
    ).json<IssueDetail>();
    expect(seen.actions).toEqual(['accept', 'reject', 'urge', 'merge']);
    issue = await issueStep(staff, seen, { action: 'accept', note: '属实，予以立案' });
    expect(issue.status).toBe('accepted');
    const targets = await staff.inject({
      method: 'GET',
      url: `/api/issues/${issue.id}/dispatch-targets`,
    });
    expect(
      targets.json<{ departments: { name: string }[] }>().departments.map((d) => d.name),
    ).toEqual(expect.arrayContaining(['市场监督管理局', '商务局']));
    issue = await issueStep(staff, issue, { action: 'dispatch', departmentId: scjg });
    expect(issue).toMatchObject({
      status: 'dispatched',
      department: { id: scjg, name: '市场监督管理局' },
    });

    // The officer now sees it, and the report photo with it; a grid worker of another grid does not.
    seen = (
      await officer.inject({ method: 'GET', url: `/api/issues/${issue.id}` })
    ).json<IssueDetail>();
    expect(seen.actions[0]).toBe('startHandling');
    expect((await officer.inject({ method: 'GET', url: reportPhoto.url })).statusCode).toBe(200);
    expect((await otherGrid.inject({ method: 'GET', url: reportPhoto.url })).statusCode).toBe(404);
    issue = await issueStep(officer, seen, { action: 'startHandling' });
    const handledPhoto = await upload(officer);
    issue = await issueStep(officer, issue, {
      action: 'handle',
      note: '已责令清理楼道杂物',
      photoIds: [handledPhoto.id],
    });
    expect(issue.status).toBe('handled');
    issue = await issueStep(grid, issue, {
      action: 'verify',
      fixed: false,
      note: '仍有杂物未清理',
    });
    expect(issue.status).toBe('reopened');
    issue = await issueStep(officer, issue, { action: 'startHandling', note: '再次处置' });
    issue = await issueStep(officer, issue, { action: 'handle', note: '杂物已全部清运' });
    issue = await issueStep(grid, issue, { action: 'verify', fixed: true, note: '现场核查已清理' });
    expect(issue).toMatchObject({ status: 'closed', stepDeadline: null, overdue: false });
    expect(issue.actions).toEqual(['rate']);
    issue = await issueStep(grid, issue, { action: 'rate', rating: 5, note: '处理及时' });
    expect(issue).toMatchObject({ status: 'rated', rating: 5, actions: [] });

    const timeline = await steps(staff, issue.id);
    expect(timeline.map((s) => `${s.action}:${s.toStatus}:${s.actor?.name ?? ''}`)).toEqual([
      'report:reported:马志强',
      'accept:accepted:高秀兰',
      'dispatch:dispatched:高秀兰',
      'startHandling:handling:刘建国',
      'handle:handled:刘建国',
      'verify:reopened:马志强',
      'startHandling:handling:刘建国',
      'handle:handled:刘建国',
      'verify:verified:马志强',
      'close:closed:马志强',
      'rate:rated:马志强',
    ]);
    expect(timeline[2].department).toEqual({ id: scjg, name: '市场监督管理局' });
    expect(timeline[4]).toMatchObject({ note: '已责令清理楼道杂物', fromStatus: 'handling' });
    expect(timeline[4].photos.map((p) => p.id)).toEqual([handledPhoto.id]);
    expect(timeline[0].photos.map((p) => p.id)).toEqual([reportPhoto.id]);
    expect(timeline.every((s) => s.at >= issue.createdAt)).toBe(true);
    // The handling photo is the officer's, seen by the reporter through the issue.
    expect((await grid.inject({ method: 'GET', url: handledPhoto.url })).statusCode).toBe(200);
  });

  it('refuses every step outside the flow with 4xx and writes nothing', async () => {
    const issue = await buildIssue(grid, { gridId, description: '小区门口路面破损' });
    const before = await snapshot(issue.id);
    const tries: [Session, object, number][] = [
      [staff, { action: 'dispatch', departmentId: scjg }, 409],
      [grid, { action: 'verify', fixed: true, note: '好了' }, 409],
      [grid, { action: 'rate', rating: 5 }, 409],
      [staff, { action: 'reject' }, 400],
      [staff, { action: 'reject', note: '   ' }, 400],
      [staff, { action: 'accept', version: issue.version + 1 }, 409],
      [staff, { action: 'fly' }, 400],
    ];
    for (const [s, body, code] of tries) {
      const res = await send(s, issue.id, { version: issue.version, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(code);
      expect(await snapshot(issue.id), JSON.stringify(body)).toBe(before);
    }
    const accepted = await issueStep(staff, issue, { action: 'accept' });
    const after = await snapshot(issue.id);
    for (const [s, body] of [
      [staff, { action: 'accept' }],
      [staff, { action: 'dispatch' }],
      [staff, { action: 'dispatch', departmentId: gridId }],
      [staff, { action: 'merge', intoId: issue.id }],
    ] as [Session, object][]) {
      const res = await send(s, issue.id, { version: accepted.version, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, JSON.stringify(body)).toBeLessThan(500);
      expect(await snapshot(issue.id), JSON.stringify(body)).toBe(after);
    }
    const res = await send(staff, issue.id, { version: accepted.version, action: 'accept' });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('INVALID_TRANSITION');
  });

  it('takes a dispatch sent back by the wrong department, and a new dispatch to the right one', async () => {
    let issue = await buildIssue(grid, {
      gridId,
      category: 'publicOrder',
      description: '商铺占道经营',
    });
    issue = await issueStep(staff, issue, { action: 'accept' });
    issue = await issueStep(staff, issue, { action: 'dispatch', departmentId: swj });
    // Another department may not send it back, nor may the community staff.
    expect(
      (
        await send(officer, issue.id, {
          action: 'sendBack',
          version: issue.version,
          note: '不是我们的',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await send(staff, issue.id, { action: 'sendBack', version: issue.version, note: 'x' }))
        .statusCode,
    ).toBe(403);
    issue = await issueStep(commerce, issue, {
      action: 'sendBack',
      note: '占道经营属市场监管职责',
    });
    expect(issue).toMatchObject({ status: 'accepted', department: null });
    // It was theirs once: still readable, but nothing more to do for them.
    const theirs = await commerce.inject({ method: 'GET', url: `/api/issues/${issue.id}` });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json<IssueDetail>().actions).toEqual([]);
    expect(
      (await send(commerce, issue.id, { action: 'startHandling', version: issue.version }))
        .statusCode,
    ).toBe(403);
    issue = await issueStep(staff, issue, { action: 'dispatch', departmentId: scjg, note: '改派' });
    issue = await issueStep(officer, issue, { action: 'startHandling' });
    expect(issue.status).toBe('handling');
    const timeline = await steps(staff, issue.id);
    const back = timeline.find((s) => s.action === 'sendBack')!;
    expect(back).toMatchObject({
      fromStatus: 'dispatched',
      toStatus: 'accepted',
      note: '占道经营属市场监管职责',
      actor: { name: '王海' },
      department: { id: swj },
    });
    expect(timeline.map((s) => s.action)).toEqual([
      'report',
      'accept',
      'dispatch',
      'sendBack',
      'dispatch',
      'startHandling',
    ]);
  });

  it('dispatches to a person who serves the grid, not to anyone', async () => {
    let issue = await buildIssue(grid, { gridId, description: '楼道灯损坏' });
    issue = await issueStep(staff, issue, { action: 'accept' });
    const idOf = async (s: Session) =>
      (await s.inject({ method: 'GET', url: '/api/auth/me' })).json<{ id: string }>().id;
    const refused = await send(staff, issue.id, {
      action: 'dispatch',
      version: issue.version,
      assigneeId: await idOf(otherGrid),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('ASSIGNEE_NOT_ELIGIBLE');
    issue = await issueStep(staff, issue, { action: 'dispatch', assigneeId: await idOf(grid) });
    expect(issue).toMatchObject({
      status: 'dispatched',
      assignee: { name: '马志强' },
      department: null,
    });
    issue = await issueStep(grid, issue, { action: 'startHandling' });
    expect(issue.status).toBe('handling');
  });

  it('records urging by a higher level on the timeline and notifies the department', async () => {
    let issue = await buildIssue(grid, {
      gridId,
      category: 'safetyHazard',
      description: '燃气管道锈蚀',
    });
    issue = await issueStep(staff, issue, { action: 'accept' });
    issue = await issueStep(staff, issue, { action: 'dispatch', departmentId: scjg });
    expect((await send(grid, issue.id, { action: 'urge', note: '请尽快' })).statusCode).toBe(403);
    const urged = await send(streetXinwang, issue.id, { action: 'urge', note: '请于今日内处置' });
    expect(urged.statusCode).toBe(200);
    expect(urged.json<IssueDetail>()).toMatchObject({
      status: 'dispatched',
      version: issue.version,
    });
    const urge = (await steps(grid, issue.id)).find((s) => s.action === 'urge')!;
    expect(urge).toMatchObject({
      actor: { name: '王丽君' },
      note: '请于今日内处置',
      fromStatus: 'dispatched',
      toStatus: 'dispatched',
    });
    const notices = await officer.inject({ method: 'GET', url: '/api/issue-notices?unread=true' });
    const item = notices
      .json<{ items: { id: string; issueId: string; kind: string }[] }>()
      .items.find((n) => n.issueId === issue.id);
    expect(item).toMatchObject({ kind: 'urge' });
    expect(
      (await officer.inject({ method: 'POST', url: `/api/issue-notices/${item!.id}/read` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await grid.inject({ method: 'POST', url: `/api/issue-notices/${item!.id}/read` }))
        .statusCode,
    ).toBe(404);
  });

  it('merges a duplicate at the same place into the issue that is kept', async () => {
    const kept = await buildIssue(grid, { gridId, description: '垃圾桶满溢' });
    const dup = await buildIssue(grid, { gridId, description: '垃圾桶满了没人清' });
    const elsewhere = await buildIssue(staff, { gridId: grid2Id, description: '垃圾桶满溢' });
    const far = await send(staff, dup.id, {
      action: 'merge',
      version: dup.version,
      intoId: elsewhere.id,
    });
    expect(far.statusCode).toBe(400);
    expect(far.json<{ error: { code: string } }>().error.code).toBe('MERGE_NOT_SAME_PLACE');
    const merged = await issueStep(staff, dup, {
      action: 'merge',
      intoId: kept.id,
      note: '同一问题',
    });
    expect(merged).toMatchObject({ status: 'merged', mergedInto: kept.id, stepDeadline: null });
    const keptSteps = await steps(staff, kept.id);
    expect(keptSteps.at(-1)).toMatchObject({
      action: 'merge',
      relatedIssueId: dup.id,
      toStatus: 'reported',
    });
    // A merged issue is finished: nothing more can be merged into it or done to it.
    const third = await buildIssue(grid, { gridId, description: '垃圾桶又满了' });
    const intoMerged = await send(staff, third.id, {
      action: 'merge',
      version: third.version,
      intoId: dup.id,
    });
    expect(intoMerged.statusCode).toBe(409);
    expect(
      (await send(staff, dup.id, { action: 'accept', version: merged.version })).statusCode,
    ).toBe(409);
  });

  it('answers a resend of the same report with the issue already made', async () => {
    const id = '019ad000-0000-7000-8000-00000000abcd';
    const first = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { id, source: 'patrol', category: 'other', description: '井盖缺失', gridId },
    });
    expect(first.statusCode).toBe(201);
    const again = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { id, source: 'patrol', category: 'other', description: '井盖缺失', gridId },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<IssueDetail>().id).toBe(id);
    const other = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { id, source: 'patrol', category: 'other', description: '别的事', gridId },
    });
    expect(other.statusCode).toBe(409);
    const rows = await t.handle.db
      .selectFrom('issue_step')
      .select('id')
      .where('issue_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
