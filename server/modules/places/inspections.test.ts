import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssueDetail } from '../../../common/schemas/issues';
import type {
  Checklist,
  Inspection,
  InspectionTeamOptions,
  Place,
  PlaceHistory,
} from '../../../common/schemas/places';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import {
  addStaffAt,
  buildPlace,
  checklistByName,
  dayFromToday,
  resultsFor,
  STAFF_PASSWORD,
  startInspection,
  unitUnder,
  uploadPhoto,
} from '../../../test/support/places';

describe.each(dialects)('inspections on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let staff: Session;
  let scjg: Session;
  let swj: Session;
  let veterans: Session;
  let otherStreet: Session;
  let place: Place;
  let epidemic: Checklist;
  let scjgId: string;
  let swjId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, grid, staff, scjg] = await Promise.all(
      ['admin', 'grid.yuhe', 'staff.yuhe', 'officer.scjg'].map((u) => t.login(u)),
    );
    const addLogin = async (username: string, role: string, unitId: string) => {
      await addStaffAt(admin, { username, role, unitId });
      return t.login(username, STAFF_PASSWORD);
    };
    swj = await addLogin(
      'officer.swj',
      'departmentOfficer',
      (await unitByName(admin, '商务局')).id,
    );
    veterans = await addLogin(
      'officer.tyjr',
      'departmentOfficer',
      (await unitByName(admin, '退役军人事务局')).id,
    );
    otherStreet = await addLogin(
      'grid.zhenhuadong',
      'gridWorker',
      await unitUnder(admin, '振华东社区', '第一网格'),
    );
    const me = async (s: Session) =>
      (await s.inject({ method: 'GET', url: '/api/auth/me' })).json<{ id: string }>().id;
    [scjgId, swjId] = [await me(scjg), await me(swj)];
    place = await buildPlace(grid, {
      gridId: await unitUnder(admin, '御河九号社区', '第一网格'),
      name: '御河生鲜超市',
    });
    epidemic = await checklistByName(grid, '疫情防控检查');
  });
  afterAll(() => t?.close());

  const get = async (s: Session, id: string) =>
    (await s.inject({ method: 'GET', url: `/api/inspections/${id}` })).json<Inspection>();
  const issueCount = async () =>
    (await t.handle.db.selectFrom('issue').select('id').execute()).length;

  it('answers 401 without a session', async () => {
    for (const url of ['/api/inspections', '/api/notices'])
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('refuses to submit until every item has a result, photos where asked, and a deadline for failures', async () => {
    const draft = await startInspection(grid, { placeId: place.id, checklistId: epidemic.id });
    const before = await issueCount();
    const submit = (payload: object) =>
      grid.inject({ method: 'POST', url: `/api/inspections/${draft.id}/submit`, payload });
    const incomplete = await submit({
      version: draft.version,
      results: resultsFor(draft).slice(0, 5),
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ error: { code: string } }>().error.code).toBe('INSPECTION_INCOMPLETE');
    const fresh = await get(grid, draft.id);
    // A failed stand-in item that asks for a photo when it fails.
    const noPhoto = await submit({
      version: fresh.version,
      results: resultsFor(fresh, { 员工健康检测台账: { note: '台账不完整' } }),
      rectification: { deadline: dayFromToday(3) },
    });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'PHOTO_REQUIRED',
      message: '「员工健康检测台账」须拍照留证',
    });
    const photo = await uploadPhoto(grid);
    const noDeadline = await submit({
      version: fresh.version,
      results: resultsFor(fresh, { 员工健康检测台账: { note: '台账不完整', photoIds: [photo] } }),
    });
    expect(noDeadline.json<{ error: { code: string } }>().error.code).toBe(
      'RECTIFICATION_REQUIRED',
    );
    const past = await submit({
      version: fresh.version,
      results: resultsFor(fresh, { 员工健康检测台账: { note: '台账不完整', photoIds: [photo] } }),
      rectification: { deadline: dayFromToday(-1) },
    });
    expect(past.json<{ error: { code: string } }>().error.code).toBe('DEADLINE_IN_PAST');
    expect(await issueCount()).toBe(before);
    expect((await get(grid, draft.id)).status).toBe('draft');
  });

  it('raises one issue with a rectification order for two failed items, and the numbered notice', async () => {
    const draft = await startInspection(grid, { placeId: place.id, checklistId: epidemic.id });
    const [p1, p2] = [await uploadPhoto(grid), await uploadPhoto(grid)];
    // Results saved on the way, as a phone does item by item.
    const saved = await grid.inject({
      method: 'PUT',
      url: `/api/inspections/${draft.id}/results`,
      payload: {
        version: draft.version,
        results: [
          { itemId: draft.items[0].id, result: 'fail', note: '入口无人值守', photoIds: [p1] },
        ],
      },
    });
    expect(saved.statusCode).toBe(200);
    const mid = saved.json<Inspection>();
    expect(mid.items[0]).toMatchObject({ result: 'fail', note: '入口无人值守' });
    expect(mid.items[0].photos.map((p) => p.id)).toEqual([p1]);
    const deadline = dayFromToday(3);
    const res = await grid.inject({
      method: 'POST',
      url: `/api/inspections/${draft.id}/submit`,
      payload: {
        version: mid.version,
        results: resultsFor(mid, {
          入口防疫设置: { note: '入口无人值守', photoIds: [p1] },
          员工健康检测台账: { note: '台账不完整', photoIds: [p2] },
        }),
        rectification: { deadline, requirement: '补齐员工健康检测台账，入口安排专人值守' },
      },
    });
    expect(res.statusCode).toBe(200);
    const done = res.json<Inspection>();
    expect(done).toMatchObject({
      status: 'completed',
      result: 'fail',
      rectificationDeadline: deadline,
    });
    expect(done.issueId).toBeTruthy();
    expect(done.noticeNumber).toMatch(/^新旺〔\d{4}〕第\d{4}号$/);
    const rows = await t.handle.db
      .selectFrom('issue')
      .select('id')
      .where('source_id', '=', draft.id)
      .execute();
    expect(rows.map((r) => r.id)).toEqual([done.issueId]);

    const issue = await grid.inject({ method: 'GET', url: `/api/issues/${done.issueId}` });
    expect(issue.statusCode).toBe(200);
    const detail = issue.json<IssueDetail>();
    expect(detail).toMatchObject({
      source: 'inspection',
      sourceId: draft.id,
      category: 'epidemicPrevention',
      placeId: place.id,
      status: 'reported',
    });
    expect(detail.rectification).toMatchObject({
      deadline,
      requirement: '补齐员工健康检测台账，入口安排专人值守',
    });
    expect(detail.rectification!.items.map((i) => [i.text, i.note])).toEqual([
      ['入口防疫设置', '入口无人值守'],
      ['员工健康检测台账', '台账不完整'],
    ]);

    // The photos are seen by whoever may read the inspection, and nobody else.
    const photo = (u: Session) => u.inject({ method: 'GET', url: `/api/files/${p2}` });
    expect((await photo(staff)).statusCode).toBe(200);
    expect((await photo(otherStreet)).statusCode).toBe(404);

    // A submitted inspection is not changed any more; a stale version is refused with the current one.
    const late = await grid.inject({
      method: 'PUT',
      url: `/api/inspections/${draft.id}/results`,
      payload: { version: done.version, results: resultsFor(done) },
    });
    expect(late.json<{ error: { code: string } }>().error.code).toBe('INSPECTION_NOT_DRAFT');
    const stale = await grid.inject({
      method: 'PUT',
      url: `/api/inspections/${draft.id}/results`,
      payload: { version: mid.version, results: resultsFor(done) },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('STALE_VERSION');

    const history = await staff.inject({ method: 'GET', url: `/api/places/${place.id}/history` });
    const h = history.json<PlaceHistory>();
    expect(h.inspections.map((i) => i.id)).toContain(draft.id);
    expect(h.notices.map((n) => n.inspectionId)).toContain(draft.id);
    expect(h.issues).toContainEqual(
      expect.objectContaining({ id: done.issueId, inspectionId: draft.id, status: 'reported' }),
    );
  });

  it('starts an inspection once per client id; the same id for another place is a conflict', async () => {
    const id = v7();
    const body = {
      id,
      placeId: place.id,
      checklistId: epidemic.id,
      mode: 'unannounced',
      at: new Date().toISOString(),
    };
    const first = await grid.inject({ method: 'POST', url: '/api/inspections', payload: body });
    expect(first.statusCode).toBe(201);
    expect(first.json<Inspection>()).toMatchObject({ mode: 'unannounced', status: 'draft' });
    const count = async () =>
      (await t.handle.db.selectFrom('inspection').select('id').execute()).length;
    const before = await count();
    const again = await grid.inject({ method: 'POST', url: '/api/inspections', payload: body });
    expect(again.statusCode).toBe(200);
    expect(await count()).toBe(before);
    const other = await buildPlace(grid, { gridId: place.gridId, name: '另一家店' });
    const clash = await grid.inject({
      method: 'POST',
      url: '/api/inspections',
      payload: { ...body, placeId: other.id },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<{ error: { code: string } }>().error.code).toBe('ID_CONFLICT');
  });

  it('keeps inspections from other streets’ staff and from departments not on them', async () => {
    const draft = await startInspection(grid, { placeId: place.id, checklistId: epidemic.id });
    for (const s of [otherStreet, scjg])
      expect(
        (await s.inject({ method: 'GET', url: `/api/inspections/${draft.id}` })).statusCode,
      ).toBe(404);
    const list = await otherStreet.inject({ method: 'GET', url: '/api/inspections' });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(draft.id);
  });

  it('offers the departments of the district and street and the staff around the place as the team', async () => {
    const url = `/api/places/${place.id}/inspection-team`;
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await otherStreet.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await scjg.inject({ method: 'GET', url })).statusCode).toBe(404);
    const viewer = await t.login('viewer');
    expect((await viewer.inject({ method: 'GET', url })).statusCode).toBe(403);
    const res = await grid.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    const options = res.json<InspectionTeamOptions>();
    const names = options.departments.map((d) => d.name);
    // 市场监督管理局 and 商务局 are the district's; 水泊寺's enforcement team is another street's.
    expect(names).toEqual(expect.arrayContaining(['市场监督管理局', '商务局']));
    expect(names).not.toContain('综合行政执法队');
    const staffNames = options.staff.map((s) => s.name);
    expect(options.staff.find((s) => s.id === scjgId)?.unitName).toBe('市场监督管理局');
    expect(staffNames).toContain('高秀兰'); // staff.yuhe, the community's
    expect(staffNames).not.toContain('马志强'); // the caller is on the team anyway
    expect(staffNames).not.toContain('武振军'); // officer.zfd, 水泊寺's
    // Whoever is offered is accepted as a member of the team (a routine check: nobody else is let in).
    const community = options.staff.filter((s) => s.name === '高秀兰');
    const draft = await startInspection(grid, {
      placeId: place.id,
      checklistId: epidemic.id,
      teamIds: community.map((s) => s.id),
    });
    expect(draft.team.map((m) => m.name).sort()).toEqual(['马志强', '高秀兰'].sort());
  });

  it('has a joint inspection signed off by each department on it before it is complete', async () => {
    const scjgUnit = (await unitByName(admin, '市场监督管理局')).id;
    const swjUnit = (await unitByName(admin, '商务局')).id;
    const noDepartments = await staff.inject({
      method: 'POST',
      url: '/api/inspections',
      payload: {
        placeId: place.id,
        checklistId: epidemic.id,
        mode: 'joint',
        at: new Date().toISOString(),
      },
    });
    expect(noDepartments.json<{ error: { code: string } }>().error.code).toBe(
      'DEPARTMENTS_REQUIRED',
    );
    const otherStreetsTeam = await staff.inject({
      method: 'POST',
      url: '/api/inspections',
      payload: {
        placeId: place.id,
        checklistId: epidemic.id,
        mode: 'joint',
        at: new Date().toISOString(),
        departmentIds: [(await unitByName(admin, '水泊寺街道综合行政执法队')).id],
      },
    });
    expect(otherStreetsTeam.json<{ error: { code: string } }>().error.code).toBe(
      'DEPARTMENT_NOT_FOUND',
    );

    const joint = await startInspection(staff, {
      placeId: place.id,
      checklistId: epidemic.id,
      mode: 'joint',
      departmentIds: [scjgUnit, swjUnit],
      teamIds: [scjgId, swjId],
    });
    expect(joint.departments.map((d) => d.name).sort()).toEqual(
      ['商务局', '市场监督管理局'].sort(),
    );
    expect(joint.team.map((m) => m.id)).toEqual(expect.arrayContaining([scjgId, swjId]));
    // The officers on it read it and its place; a department not on it does not.
    expect((await get(swj, joint.id)).id).toBe(joint.id);
    expect((await scjg.inject({ method: 'GET', url: `/api/places/${place.id}` })).statusCode).toBe(
      200,
    );
    const officersPlaces = await scjg.inject({ method: 'GET', url: '/api/places' });
    // Besides the places of the demo's 水泊寺 joint check, which 刘建国 was on.
    const demoJoint = ['新悦便民市场', '水泊寺花卉市场', '康宁大药房水泊寺店', '百姓缘药店'];
    expect(
      officersPlaces
        .json<{ items: Place[] }>()
        .items.filter((p) => !demoJoint.includes(p.name))
        .map((p) => p.id),
    ).toEqual([place.id]);
    expect(
      (await veterans.inject({ method: 'GET', url: `/api/inspections/${joint.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await veterans.inject({ method: 'GET', url: `/api/places/${place.id}` })).statusCode,
    ).toBe(404);

    const early = await scjg.inject({
      method: 'POST',
      url: `/api/inspections/${joint.id}/sign-off`,
      payload: { version: joint.version },
    });
    expect(early.json<{ error: { code: string } }>().error.code).toBe('SIGN_OFF_NOT_OPEN');
    // An officer on the team records and submits it.
    const submitted = await scjg.inject({
      method: 'POST',
      url: `/api/inspections/${joint.id}/submit`,
      payload: { version: joint.version, results: resultsFor(joint), summary: '各项措施落实到位' },
    });
    expect(submitted.statusCode).toBe(200);
    let current = submitted.json<Inspection>();
    expect(current).toMatchObject({ status: 'awaitingSignOff', result: 'pass' });

    const signOff = (s: Session, payload: object = {}) =>
      s.inject({
        method: 'POST',
        url: `/api/inspections/${joint.id}/sign-off`,
        payload: { version: current.version, ...payload },
      });
    const notOfficer = await signOff(grid);
    expect(notOfficer.statusCode).toBe(403);
    expect(notOfficer.json<{ error: { code: string } }>().error.code).toBe('SIGN_OFF_NOT_ALLOWED');
    const first = await signOff(scjg, { note: '市场监管局已核实' });
    expect(first.statusCode).toBe(200);
    current = first.json<Inspection>();
    expect(current.status).toBe('awaitingSignOff');
    expect(current.departments.find((d) => d.id === scjgUnit)).toMatchObject({
      signedBy: { name: '刘建国' },
      note: '市场监管局已核实',
    });
    const twice = await signOff(scjg);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('ALREADY_SIGNED');
    const last = await signOff(swj);
    expect(last.statusCode).toBe(200);
    const complete = last.json<Inspection>();
    expect(complete.status).toBe('completed');
    expect(complete.completedAt).toBeTruthy();
    expect(complete.departments.every((d) => d.signedBy)).toBe(true);
  });
});
