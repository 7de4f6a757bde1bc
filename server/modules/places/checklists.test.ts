import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checklist, Inspection, Place } from '../../../common/schemas/places';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import {
  buildPlace,
  checklistByName,
  resultsFor,
  startInspection,
  unitUnder,
} from '../../../test/support/places';

describe.each(dialects)('checklists on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let grid: Session;
  let streetAdmin: Session;
  let place: Place;
  let epidemic: Checklist;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [admin, grid, streetAdmin] = await Promise.all(
      ['admin', 'grid.yuhe', 'street.zhenhua'].map((u) => t.login(u)),
    );
    place = await buildPlace(grid, {
      gridId: await unitUnder(admin, '御河九号社区', '第一网格'),
      name: '御河水果店',
    });
    epidemic = await checklistByName(grid, '疫情防控检查');
  });
  afterAll(() => t?.close());

  const get = async (s: Session, id: string) =>
    (await s.inject({ method: 'GET', url: `/api/inspections/${id}` })).json<Inspection>();

  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/checklists' })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'POST', url: '/api/checklists', payload: {} });
    expect(res.statusCode).toBe(401);
  });

  it('offers the district’s demo checklists to a grid worker, with their items', async () => {
    const res = await grid.inject({ method: 'GET', url: '/api/checklists' });
    const names = res.json<{ items: Checklist[] }>().items.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['疫情防控检查', '燃气安全检查', '楼道消防安全检查']),
    );
    expect(epidemic.items.map((i) => i.text)).toEqual([
      '入口防疫设置',
      '一米线',
      '亮码',
      '测温',
      '佩戴口罩',
      '消杀记录',
      '员工健康检测台账',
      '外来人员登记',
      '防疫物资储备',
      '隔离间设置',
      '宣传海报',
    ]);
    const fire = await checklistByName(grid, '楼道消防安全检查');
    expect(fire.items.map((i) => i.text)).toEqual(['楼道杂物', '消防通道畅通', '高空抛物宣传']);
  });

  it('lets street and district admins make checklists, for their own area only', async () => {
    const body = {
      name: '振华街道门店检查',
      topic: 'other',
      items: [{ text: '门前三包' }, { text: '店招店牌', photoRequired: 'onFail' }],
    };
    const byGrid = await grid.inject({ method: 'POST', url: '/api/checklists', payload: body });
    expect(byGrid.statusCode).toBe(403);
    const made = await streetAdmin.inject({
      method: 'POST',
      url: '/api/checklists',
      payload: body,
    });
    expect(made.statusCode).toBe(201);
    const c = made.json<Checklist>();
    expect(c).toMatchObject({ ownerName: '振华街道', currentVersion: 1 });
    expect(c.items[1]).toMatchObject({ text: '店招店牌', photoRequired: 'onFail' });
    // 新旺街道's grid worker does not see 振华街道's checklist.
    expect((await grid.inject({ method: 'GET', url: `/api/checklists/${c.id}` })).statusCode).toBe(
      404,
    );
    const elsewhere = await streetAdmin.inject({
      method: 'POST',
      url: '/api/checklists',
      payload: { ...body, ownerUnitId: (await unitByName(admin, '新旺街道')).id },
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('keeps the items a finished inspection was done with after the checklist is edited', async () => {
    const made = await admin.inject({
      method: 'POST',
      url: '/api/checklists',
      payload: {
        name: '门店日常检查',
        topic: 'sanitation',
        items: [{ text: '门前卫生' }, { text: '垃圾分类' }, { text: '占道经营' }],
      },
    });
    const checklist = made.json<Checklist>();
    const draft = await startInspection(grid, { placeId: place.id, checklistId: checklist.id });
    expect(draft).toMatchObject({ status: 'draft', checklistVersion: 1 });
    const done = await grid.inject({
      method: 'POST',
      url: `/api/inspections/${draft.id}/submit`,
      payload: { version: draft.version, results: resultsFor(draft) },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<Inspection>()).toMatchObject({ status: 'completed', result: 'pass' });

    const edit = await admin.inject({
      method: 'PUT',
      url: `/api/checklists/${checklist.id}`,
      payload: {
        version: checklist.version,
        items: [{ id: checklist.items[0].id, text: '门前卫生（三包责任）' }, { text: '油烟净化' }],
      },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json<Checklist>()).toMatchObject({ currentVersion: 2 });
    const stale = await admin.inject({
      method: 'PUT',
      url: `/api/checklists/${checklist.id}`,
      payload: { version: checklist.version, items: [{ text: '别的' }] },
    });
    expect(stale.statusCode).toBe(409);

    const after = await get(grid, draft.id);
    expect(after.checklistVersion).toBe(1);
    expect(after.items.map((i) => [i.text, i.result])).toEqual([
      ['门前卫生', 'pass'],
      ['垃圾分类', 'pass'],
      ['占道经营', 'pass'],
    ]);
    const v1 = await grid.inject({
      method: 'GET',
      url: `/api/checklists/${checklist.id}/versions/1`,
    });
    expect(v1.json<{ items: { text: string }[] }>().items).toHaveLength(3);
    const next = await startInspection(grid, { placeId: place.id, checklistId: checklist.id });
    expect(next.checklistVersion).toBe(2);
    expect(next.items.map((i) => i.text)).toEqual(['门前卫生（三包责任）', '油烟净化']);
  });
});
